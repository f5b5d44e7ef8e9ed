"""Views, one module per screen family."""
