"""Privacy: retention and purge, data-subject rights (inzage, information letter)."""
