"""What measures the product (not the product): cross-validation of the safety thresholds."""
