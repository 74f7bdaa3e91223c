"""The clinic's side: escalation and call-back records, notifications, purge, staff
accounts and the staff console."""
