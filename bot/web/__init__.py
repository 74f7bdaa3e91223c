"""The website chat widget: routes (routes.py) and the browser assets (static/)."""
