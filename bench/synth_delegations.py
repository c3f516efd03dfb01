#!/usr/bin/env python3
"""Makes two schemes of delegation of N near-identical clauses, the worst case for compare:
every clause shares almost all its words with every clause of the other scheme, so every
pair is a candidate and every candidate ties with the others.

Each clause reads "The <officer> is authorised to <act> licences under section <k> of the
Licensing Act 2003 ...": most clauses differ only in the section number (which compare
drops), one in eight in the officer or the act; the second scheme words the same
clauses a little differently and in a slightly different order. Deterministic.

usage: synth_delegations.py OUT_DIR N
"""
import os
import random
import sys

OFFICERS = ['Director of Place', 'Director of Resources', 'Head of Planning', 'Head of Legal Services',
            'Chief Executive', 'Head of Housing', 'Head of Environmental Health', 'Monitoring Officer']
ACTS = ['approve', 'determine', 'issue', 'refuse', 'vary', 'revoke', 'serve notices', 'grant']
MATTERS = ['licences', 'applications', 'consents', 'exemptions', 'permits', 'certificates', 'orders', 'agreements']
POWERS = ['Licensing Act 2003', 'Town and Country Planning Act 1990', 'Housing Act 2004',
          'Environmental Protection Act 1990', 'Local Government Act 1972', 'Highways Act 1980']


def scheme(n, council, variant, rng):
    lines = ['---', 'title: Scheme of Delegation to Officers', f'council: {council}', 'version: "1"',
             'status: draft', '---', '']
    order = list(range(n))
    if variant:  # the second scheme moves a few clauses
        for _ in range(n // 20):
            i, j = rng.randrange(n), rng.randrange(n)
            order[i], order[j] = order[j], order[i]
    per_section = 20
    for s in range(0, n, per_section):
        number = s // per_section + 1
        lines += [f'## {number}. Delegations to officers', '']
        for c, k in enumerate(order[s:s + per_section], 1):
            # Only the section of the Act differs between most clauses (compare drops numbers),
            # and one clause in eight names another officer or act.
            officer = OFFICERS[k % len(OFFICERS)] if k % 8 == 0 else OFFICERS[0]
            act = ACTS[k % len(ACTS)] if k % 8 == 4 else ACTS[0]
            verb = 'is authorised'
            lines += [f'{number}.{c} The {officer} {verb} to {act} {MATTERS[0]} under section {10 + k} of the '
                      f'{POWERS[0]}, after consulting the relevant portfolio holder where the matter is '
                      f'significant.', '']
    return '\n'.join(lines)


def main():
    out_dir, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(1)
    os.makedirs(out_dir, exist_ok=True)
    for k, council in enumerate(['Northshire District Council', 'Southshire District Council']):
        with open(os.path.join(out_dir, f'scheme-{k + 1}.md'), 'w', encoding='utf-8') as out:
            out.write(scheme(n, council, k, rng))


if __name__ == '__main__':
    main()
