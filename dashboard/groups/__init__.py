"""The group page's core: one group's detail for one user, its reads, summaries and figures."""
