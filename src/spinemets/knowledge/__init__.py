"""Published clinical knowledge as sourced data tables, loaded once and validated at load."""
