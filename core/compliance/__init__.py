"""Compliance: the catalogue the plugins provide, control status and its rules, evidence,
framework reports, and what a completed scan means for them."""
