"""One module per concern; each exposes analyze(ctx) and imports no other analyzer."""
