"""Whether a European Digital Credential records a degree, or something else: a micro-credential, a certificate of
participation, a learning entitlement.

Decided from what the credential states in the European Learning Model (ELM v3), never from its title: the claim's
class (``credentialSubject.hasClaim``), the credential profile (``credentialProfiles``) and the specification of an
achievement (``specifiedBy``: its type, EQF level, credit points, whether it is a partial qualification). The
vocabularies are the Commission's controlled lists (European-Learning-Model, ``xsd/loq/cv/``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from nvao_equivalence._credentials.read import items, one

__all__ = ["MIN_DEGREE_ECTS", "not_a_degree"]

# Credential profiles (http://data.europa.eu/snb/credential/25831c2). Only "Learning Activity" says by itself that
# the credential is not a degree. The others are decided by the claim: the Commission's own rdf sample carries the
# "Learning Entitlement" profile over a LearningAchievement, so a profile alone does not settle it.
_PARTICIPATION_PROFILE = "http://data.europa.eu/snb/credential/48b514e72a"  # Learning Activity

# Learning-opportunity types (http://data.europa.eu/snb/learning-opportunity/25831c2) that name something smaller
# than a degree programme; "Educational programme" (79343569f3) is the one a degree is.
_MICRO = {
    "74a4a268e8": "a short learning programme",
    "17744a2647": "a MOOC",
    "05053c1cbe": "a course",
    "0f7dac46ca": "a programme module",
    "7e1ac538db": "a class",
}
_OTHER_OPPORTUNITY = {
    "11252a5207": "mentoring",
    "63f9f6180c": "an apprenticeship",
    "65a4cf5de2": "a study visit",
    "77b99de990": "an internship",
    "8b965da2d4": "service learning",
    "b2434ca358": "a thesis",
}
_OPPORTUNITY = "http://data.europa.eu/snb/learning-opportunity/"
_ECTS = "http://data.europa.eu/snb/education-credit/6fcec5c5af"  # European Credit Transfer System

# The smallest degree of the systems this library reads is a master's of 60 ECTS (NL: WHW art. 7.4b; Flanders: a
# master of at least 60 study points), the lower bound of the second cycle in the QF-EHEA (Bergen 2005); nothing
# under 60 ECTS is a degree programme, so fewer stated credits mark a micro-credential.
MIN_DEGREE_ECTS = 60

_CLAIMS = {
    "LearningAchievement": None,
    "LearningActivity": "a certificate of participation (the claim is a LearningActivity: taking part in an activity)",
    "LearningAssessment": "an assessment result (the claim is a LearningAssessment)",
    "LearningEntitlement": "a learning entitlement (the claim is a LearningEntitlement)",
}
_EQF = re.compile(r"eqf/([1-8])\b")


def not_a_degree(document: dict[str, Any], claim: dict[str, Any]) -> str | None:
    """What the credential is instead of a degree, as a :class:`CredentialError` message naming the field, or
    ``None`` when it may be a degree (an awarded qualification with no sign of being less)."""
    kinds = [item for item in items(claim.get("type")) if isinstance(item, str)]
    known = [_CLAIMS[item] for item in kinds if item in _CLAIMS]
    if not known:
        return (
            f"credentialSubject.hasClaim.type: {', '.join(kinds) or 'missing'} is not a claim of the European "
            "Learning Model; valid: LearningAchievement (an awarded qualification)"
        )
    if known[0] is not None:
        return f"credentialSubject.hasClaim: {known[0]}, not a degree"
    profiles = {str(one(item).get("id", "")) for item in items(document.get("credentialProfiles"))}
    if _PARTICIPATION_PROFILE in profiles:
        return "credentialProfiles: a certificate of participation (the Learning Activity profile), not a degree"
    spec = one(claim.get("specifiedBy"))
    for kind in items(spec.get("dcType")):
        code = str(one(kind).get("id", ""))
        code = code.removeprefix(_OPPORTUNITY) if code.startswith(_OPPORTUNITY) else ""
        if code in _MICRO:
            return f"credentialSubject.hasClaim.specifiedBy.dcType: a micro-credential ({_MICRO[code]}), not a degree"
        if code in _OTHER_OPPORTUNITY:
            return f"credentialSubject.hasClaim.specifiedBy.dcType: {_OTHER_OPPORTUNITY[code]}, not a degree"
    if spec.get("isPartialQualification") is True:
        return "credentialSubject.hasClaim.specifiedBy.isPartialQualification: a partial qualification, not a degree"
    for credit in items(spec.get("creditPoint")):
        credit = one(credit)
        if str(one(credit.get("framework")).get("id", "")) != _ECTS:
            continue
        try:
            points = Decimal(str(credit.get("point", "")).strip())
        except InvalidOperation:
            continue
        if points.is_finite() and points < MIN_DEGREE_ECTS:
            return (
                f"credentialSubject.hasClaim.specifiedBy.creditPoint: a micro-credential ({points} ECTS; the "
                f"smallest degree, a master's, has {MIN_DEGREE_ECTS}), not a degree"
            )
    for level in items(spec.get("eqfLevel")):
        found = _EQF.search(str(one(level).get("id", "")))
        if found and not 5 <= int(found.group(1)) <= 8:
            return (
                f"credentialSubject.hasClaim.specifiedBy.eqfLevel: EQF level {found.group(1)}, not a higher-education "
                "degree; valid: EQF 5 to 8"
            )
    return None
