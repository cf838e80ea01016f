"""Schemathesis hooks of `npm run fuzz`.

A schema cannot say which leads and card tokens exist, nor write a CPF or CNPJ with valid check
digits, so a positive checkout would always be a 422. These hooks give each positive checkout a
lead and a card token that fuzz.ts created before the run (FUZZ_CHECKOUT_CHAINS) and a valid
document, so the fuzzer reaches the 202, the 409s and GET /checkouts/{id} of real checkouts.
Likewise every other positive sign-in uses the student fuzz.ts signed in (FUZZ_STUDENT), so
the 201 of POST /sessions is checked too.
"""

import itertools
import json
import os

import schemathesis
from schemathesis import GenerationMode

chains = itertools.cycle(json.loads(os.environ["FUZZ_CHECKOUT_CHAINS"]))
student = itertools.cycle([json.loads(os.environ["FUZZ_STUDENT"]), None])
documents = {"individual": "529.982.247-25", "company": "11.222.333/0001-81"}


def positive_body(case):
    positive = case.meta is not None and case.meta.generation.mode == GenerationMode.POSITIVE
    return positive and isinstance(case.body, dict)


@schemathesis.hook("map_case").apply_to(operation_id="signIn")
def as_the_student_every_other_time(ctx, case):
    credentials = next(student)
    if positive_body(case) and credentials:
        case.body.update(credentials)
    return case


@schemathesis.hook("map_case").apply_to(operation_id="createCheckout")
def with_a_real_lead_and_card(ctx, case):
    if not positive_body(case):
        return case
    chain = next(chains)
    case.body["leadId"] = chain["leadId"]
    case.body["cardToken"] = chain["cardToken"]
    payer = case.body.get("payer")
    if isinstance(payer, dict) and payer.get("type") in documents:
        payer["document"] = documents[payer["type"]]
    return case
