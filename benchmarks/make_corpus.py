"""Make a realistic website corpus, deterministically (a fixed seed).

    python benchmarks/make_corpus.py [OUT]   # default benchmarks/corpus/

OUT/site/ gets about 2,000 Markdown and HTML pages (30-40 MB) with front matter,
headings, lists, tables, code blocks, links, images and a realistic density of
claims, honest copy among them; OUT/big.md is one 20 MB Markdown file made of
the same material; OUT/small.md is a 3 KB clinic page.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

SEED = 20261122
WORDS = (
    "the a of to and in for is on that with as your our skin treatment clinic session results patients "
    "procedure care we you it this can are be by from at or more about face booking practitioner team "
    "consultation price appointment experience staff area areas cream hydration collagen vitamin needle "
    "injection products course week weeks month months day days local plan tailored approach option options "
    "hyaluronic acid elasticity tone texture complexion glow radiance routine advice aftercare questions "
    "contact us visit opening hours london manchester parking accessible information policy privacy cookies "
    "content article blog news guide overview introduction summary background details history method "
    "software install configure server network data file system user account settings update release"
).split()
CLAIMS = [
    "Mesotherapy is painless and has no downtime.",
    "Our clinically proven treatment removes wrinkles.",
    "Results guaranteed after just one session.",
    "Numerous clinical studies have demonstrated the efficacy of our skin boosters.",
    "Safe and effective for all skin types.",
    "Dermatologists recommend our mesotherapy course.",
    "See instant results with permanent fat reduction.",
    "Offer ends Friday: 50% off your first session!",
    "The best clinic in London, with world-class doctors.",
    "97% of clients saw smoother skin.",
    "Mesotherapy significantly improves skin texture.",
    "There is no need to go to the clinic: try it at home.",
]
HONEST = [
    "Mesotherapy may improve skin texture for some patients; results vary.",
    "Is mesotherapy painful? Most people feel mild discomfort.",
    "Mesotherapy is not a miracle cure and may not be effective for everyone.",
    "Side effects can include bruising, swelling and, rarely, infection.",
    "Most people need a course of 4 to 6 sessions.",
    "Proponents claim that mesotherapy is painless, but the evidence is limited.",
    "Your practitioner will check whether the treatment is suitable for you.",
]
CODE = ["```python", "def handler(event):", "    return {'painless': True, 'status': 200}", "```"]


def sentence(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.02:
        return rng.choice(CLAIMS)
    if r < 0.05:
        return rng.choice(HONEST)
    n = rng.randint(8, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.1:
        words[rng.randrange(n)] = f"[{rng.choice(WORDS)}](https://example.com/{rng.choice(WORDS)})"
    if rng.random() < 0.05:
        words[rng.randrange(n)] = f"`{rng.choice(WORDS)}`"
    if rng.random() < 0.05:
        words[rng.randrange(n)] = f"**{rng.choice(WORDS)}**"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, n=None) -> str:
    return " ".join(sentence(rng) for _ in range(n or rng.randint(2, 7)))


def _yaml_text(text: str) -> str:
    """text as a YAML value: quoted where a plain scalar cannot be it (`code` or **bold** first,
    ": " or " #" in it), as a site that builds writes it (invalid YAML front matter is an error
    since issue 31)."""
    plain = text[:1] not in "`*&!|>%@'\"[{?-,#" and ": " not in text and " #" not in text
    return text if plain else "'" + text.replace("'", "''") + "'"


def markdown_page(rng: random.Random, target: int) -> str:
    title = " ".join(rng.choice(WORDS) for _ in range(5)).title()
    out = ["---", f"title: {title}", f"description: {_yaml_text(sentence(rng))}", f"date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
           f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]", "---", "", f"# {title}", ""]
    size = 0
    while size < target:
        kind = rng.random()
        if kind < 0.55:
            block = paragraph(rng)
        elif kind < 0.7:
            block = f"## {sentence(rng)[:-1]}"
        elif kind < 0.82:
            block = "\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 6)))
        elif kind < 0.88:
            rows = [f"| {rng.choice(WORDS)} | {sentence(rng)} | £{rng.randint(50, 500)} |" for _ in range(rng.randint(2, 6))]
            block = "\n".join(["| Item | Details | Price |", "|---|---|---|", *rows])
        elif kind < 0.94:
            block = "\n".join(CODE)
        elif kind < 0.97:
            block = f"![{sentence(rng)[:-1]}](/img/{rng.randint(1, 999)}.jpg)"
        else:
            block = f"> {paragraph(rng, 2)}"
        out.extend([block, ""])
        size += len(block) + 2
    return "\n".join(out)


def html_page(rng: random.Random, target: int) -> str:
    title = " ".join(rng.choice(WORDS) for _ in range(5)).title()
    out = ["<!doctype html>", "<html><head>", f"<title>{title}</title>",
           f'<meta name="description" content="{sentence(rng)}">',
           "<style>body { font-family: sans-serif } .painless { color: red }</style>",
           "<script>window.dataLayer = []; var x = 'guaranteed';</script>", "</head><body>",
           '<nav><a href="/">Home</a> <a href="/treatments">Treatments</a></nav>', f"<h1>{title}</h1>"]
    size = 0
    while size < target:
        kind = rng.random()
        if kind < 0.6:
            block = f"<p>{paragraph(rng)}</p>"
        elif kind < 0.75:
            block = f"<h2>{sentence(rng)[:-1]}</h2>"
        elif kind < 0.9:
            block = "<ul>" + "".join(f"<li>{sentence(rng)}</li>" for _ in range(rng.randint(2, 5))) + "</ul>"
        else:
            block = f'<img src="/img/{rng.randint(1, 999)}.jpg" alt="{sentence(rng)[:-1]}">'
        out.append(block.replace("&", "&amp;"))
        size += len(block)
    out.append("</body></html>")
    return "\n".join(out)


def main(out: Path) -> None:
    rng = random.Random(SEED)
    site = out / "site"
    total = 0
    for i in range(2000):
        section = site / f"section{i % 40:02d}"
        section.mkdir(parents=True, exist_ok=True)
        target = int(rng.lognormvariate(9.6, 0.6))  # median ~15 KB, a long tail
        if i % 25 == 0:
            text, name = html_page(rng, target), f"page{i:04d}.html"
        else:
            text, name = markdown_page(rng, target), f"page{i:04d}.md"
        (section / name).write_text(text, encoding="utf-8")
        total += len(text.encode())
    big, size = [], 0
    while size < 20_000_000:
        page = markdown_page(rng, 20_000)
        big.append(page.split("---", 2)[2])
        size += len(big[-1])
    (out / "big.md").write_text("".join(big), encoding="utf-8")
    small = markdown_page(random.Random(SEED + 1), 2600)
    (out / "small.md").write_text(small, encoding="utf-8")
    print(f"{out}/site: 2000 files, {total / 1e6:.1f} MB; big.md {size / 1e6:.1f} MB; small.md {len(small)} B")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path(__file__).parent / "corpus",
                        help="the folder to write (default: benchmarks/corpus/)")
    main(parser.parse_args().out)
