"""Operating the appliance: health checks, backup and restore."""
