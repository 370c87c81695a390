"""The sharing policy (an art. 20 Wpg decision) as a validated data file: who sees which products, fields."""

from dashboard.policy.loader import (
    DEFAULT_POLICY,
    PolicyError,
    active_policy,
    default_policy,
    load_policy,
    parse_policy,
)
from dashboard.policy.model import (
    BELEID_PRODUCTEN,
    PERMISSIES,
    PRODUCT_PERMISSIE,
    PRODUCT_VELDEN,
    BeleidProduct,
    Deelbeleid,
    Permissie,
    RolBeleid,
    Verstrekking,
)
from dashboard.policy.overview import describe_policy

__all__ = [
    "BELEID_PRODUCTEN",
    "DEFAULT_POLICY",
    "PERMISSIES",
    "PRODUCT_PERMISSIE",
    "PRODUCT_VELDEN",
    "BeleidProduct",
    "Deelbeleid",
    "Permissie",
    "PolicyError",
    "RolBeleid",
    "Verstrekking",
    "active_policy",
    "default_policy",
    "describe_policy",
    "load_policy",
    "parse_policy",
]
