"""What the domain knows, as services: quantities, periods, zone names and mentions, the registry, page meta."""
