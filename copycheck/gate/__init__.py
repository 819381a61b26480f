"""What stands between the findings and the report: inline suppression comments, the
baseline of known findings and the lines changed since a git revision."""
