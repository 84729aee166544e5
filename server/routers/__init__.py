"""HTTP routes, one module per area of the sync protocol (docs/sync-protocol.md)."""
