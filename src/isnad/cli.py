"""The `isnad` command: thin typer faces over library calls; errors become messages only here."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from isnad import __version__
from isnad.errors import IsnadError
from isnad.examples import corpus_path
from isnad.ingest import IngestOptions, ingest
from isnad.model import Document
from isnad.pipeline import analyze_all
from isnad.report.analysis_json import analysis_json
from isnad.report.analysis_text import render_analysis, render_errors

app = typer.Typer(
    help="isnad: Arabic-first multi-source news verification.",
    no_args_is_help=True,
    add_completion=False,
)


class Format(StrEnum):
    text = "text"
    json = "json"


def _usage_error(detail: str, advice: str) -> typer.Exit:
    Console(stderr=True).print(f"[red]ISN900[/red] {detail} — {advice}")
    return typer.Exit(code=2)


def _parse_published(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise _usage_error(f"--published {value!r} is not a date", "use ISO 8601, e.g. 2016-11-03") from None


# Input options both `analyze` and `compare` take.
OutPath = Annotated[Path | None, typer.Option("--out", "-o", help="write the report here, not stdout")]
Outlet = Annotated[str | None, typer.Option(help="outlet name for .txt inputs without one")]
Published = Annotated[str | None, typer.Option(help="publication date for .txt inputs (ISO 8601)")]
MaxBytes = Annotated[int, typer.Option(help="reject inputs larger than this")]
BodyField = Annotated[str | None, typer.Option(help="JSON field holding the article body")]
TitleField = Annotated[str | None, typer.Option(help="JSON field holding the title")]
OutletField = Annotated[str | None, typer.Option(help="JSON field holding the outlet")]
UrlField = Annotated[str | None, typer.Option(help="JSON field holding the URL")]
DateField = Annotated[str | None, typer.Option(help="JSON field holding the date")]
Timeout = Annotated[float, typer.Option(help="seconds to wait for a URL")]


@app.command()
def analyze(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories or http(s) URLs. None: the built-in example corpus."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text for people, json for programs")] = (
        Format.text
    ),
    out: OutPath = None,
    outlet: Outlet = None,
    published: Published = None,
    max_bytes: MaxBytes = 20_000_000,
    body_field: BodyField = None,
    title_field: TitleField = None,
    outlet_field: OutletField = None,
    url_field: UrlField = None,
    date_field: DateField = None,
    timeout: Timeout = 10.0,
    include_text: Annotated[bool, typer.Option(help="JSON: include the original and clean text")] = False,
) -> None:
    """Read articles and report repairs, sentences, numbers and dates, each as a span into the text."""
    err = Console(stderr=True)
    fields = (body_field, title_field, outlet_field, url_field, date_field)
    docs, errors = _read(paths, _options(max_bytes, outlet, published, timeout, fields), err, "analysing")
    if fmt is Format.json:
        report = analysis_json(docs, errors, include_text=include_text)
        _emit(json.dumps(report, ensure_ascii=False, indent=2) + "\n", out)
    elif out is None:
        render_analysis(Console(), docs, errors)
    else:
        buffer = io.StringIO()
        render_analysis(Console(file=buffer, width=120, no_color=True), docs, errors)
        _emit(buffer.getvalue(), out)
    if errors:
        if fmt is Format.json or out is not None:  # the text report on stdout already lists them
            render_errors(err, errors)
            err.print(f"[red]{len(errors)} input(s) rejected[/red]; {len(docs)} article(s) analysed")
        raise typer.Exit(code=1)


def _options(
    max_bytes: int, outlet: str | None, published: str | None, timeout: float, fields: tuple[str | None, ...]
) -> IngestOptions:
    """Ingest options from the command line (fields: body, title, outlet, URL, date JSON field names)."""
    body, title, outlet_field, url, date = fields
    return IngestOptions.from_cli(
        max_bytes=max_bytes,
        outlet=outlet,
        published=_parse_published(published),
        body_field=body,
        title_field=title,
        outlet_field=outlet_field,
        url_field=url,
        date_field=date,
        timeout=timeout,
    )


def _read(
    paths: list[str] | None, options: IngestOptions, err: Console, doing: str
) -> tuple[list[Document], list[IsnadError]]:
    """Ingest and analyse the inputs (the built-in example corpus when none are given)."""
    inputs = paths or []
    if not inputs:
        inputs = [str(corpus_path())]
        err.print(f"[dim]no input given: {doing} the built-in example corpus ({inputs[0]})[/dim]")
    result = ingest(inputs, options)
    docs, failures = analyze_all(result.articles)
    return docs, [*result.errors, *failures]


def _emit(report: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(report)
        return
    try:
        out.write_text(report, encoding="utf-8")
    except OSError as exc:
        raise _usage_error(f"cannot write {out}: {exc.strerror}", "choose a writable --out path") from None


class CompareFormat(StrEnum):
    md = "md"
    json = "json"
    html = "html"


@app.command()
def compare(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="2-100 articles: files, directories or http(s) URLs. None: the example corpus."),
    ] = None,
    fmt: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="md for people, json for programs, html to share")
    ] = CompareFormat.md,
    out: OutPath = None,
    outlet: Outlet = None,
    published: Published = None,
    max_bytes: MaxBytes = 20_000_000,
    body_field: BodyField = None,
    title_field: TitleField = None,
    outlet_field: OutletField = None,
    url_field: UrlField = None,
    date_field: DateField = None,
    timeout: Timeout = 10.0,
) -> None:
    """Compare what several articles say: corroborated, single-source, conflicting and updated claims."""
    from isnad.compare import compare_documents
    from isnad.report.comparison_html import render_html
    from isnad.report.comparison_md import render_markdown

    err = Console(stderr=True)
    fields = (body_field, title_field, outlet_field, url_field, date_field)
    docs, errors = _read(paths, _options(max_bytes, outlet, published, timeout, fields), err, "comparing")
    if len(docs) > MAX_COMPARE:
        raise _usage_error(
            f"{len(docs)} articles given; isnad compare takes at most {MAX_COMPARE}",
            "compare one story at a time, or use isnad analyze for a whole corpus",
        )
    if len(docs) < 2:
        render_errors(err, errors)
        raise _usage_error(
            f"{len(docs)} readable article(s) given; a comparison needs at least 2",
            "pass two or more articles about one event",
        )
    report = compare_documents(docs)
    report["errors"] = [{"code": e.code, "source": e.source, "detail": e.detail} for e in errors]
    if fmt is CompareFormat.json:
        _emit(json.dumps(report, ensure_ascii=False, indent=2) + "\n", out)
    elif fmt is CompareFormat.html:
        _emit(render_html(report, {d.article.id: d.article.text for d in docs}), out)
    else:
        _emit(render_markdown(report), out)
    if errors:
        render_errors(err, errors)
        err.print(f"[red]{len(errors)} input(s) rejected[/red]; {len(docs)} article(s) compared")
        raise typer.Exit(code=1)


MAX_COMPARE = 100


train_app = typer.Typer(help="Train isnad's models from annotated corpora.", no_args_is_help=True)
eval_app = typer.Typer(help="Score isnad's models on annotated corpora.", no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")


def _fail(exc: IsnadError) -> typer.Exit:
    typer.echo(exc.message, err=True)  # unwrapped: the file:line in it must stay copyable
    return typer.Exit(code=1)


@train_app.command("ner")
def train_ner(
    corpus: Annotated[list[Path], typer.Option(help="CoNLL 'token TAG' file; repeat to add corpora")],
    out: Annotated[Path, typer.Option(help="model file to write (a .model zip)")],
    folds: Annotated[int, typer.Option(help="also print k-fold CV on the first corpus (0: skip)")] = 0,
    clusters_from: Annotated[
        Path | None,
        typer.Option(
            help="folder of SaudiNewsNet-style article zips (word clusters and the place lexicon "
            "are learned from it), or a .model to reuse them from"
        ),
    ] = None,
    c1: Annotated[float, typer.Option(help="L1 weight (prunes features)")] = 0.1,
    c2: Annotated[float, typer.Option(help="L2 weight")] = 0.05,
    iterations: Annotated[int, typer.Option(help="L-BFGS iterations")] = 200,
) -> None:
    """Train the named-entity CRF (PER/LOC/ORG/MISC) and write a model bundle."""
    from isnad.extract.ner_corpus import read_corpus
    from isnad.extract.ner_train import TrainConfig, cross_validate, train_bundle
    from isnad.extract.ner_train import clusters_from as load_clusters
    from isnad.extract.ner_train import places_from as load_places

    try:
        corpora = [read_corpus(p) for p in corpus]
        clusters = load_clusters(clusters_from) if clusters_from else {}
        places = load_places(clusters_from) if clusters_from else {}
        config = TrainConfig(c1=c1, c2=c2, max_iterations=iterations, clusters=clusters, places=places)
        extra = [s for c in corpora[1:] for s in c]
        if folds > 1:
            typer.echo(f"{folds}-fold cross-validation on {corpus[0]}:")
            typer.echo(cross_validate(corpora[0], folds, config, extra).table())
        meta = {"corpora": [p.name for p in corpus], "sentences": sum(len(c) for c in corpora)}
        train_bundle([*corpora[0], *extra], config, out, meta)
    except IsnadError as exc:
        raise _fail(exc) from None
    typer.echo(f"model written to {out} ({out.stat().st_size:,} bytes)")


@eval_app.command("ner")
def eval_ner(
    corpus: Annotated[Path, typer.Option(help="CoNLL 'token TAG' file with gold tags")],
    model: Annotated[Path | None, typer.Option(help="model bundle (default: the shipped one)")] = None,
) -> None:
    """Print entity-level (exact match) precision, recall and F1 per type and overall."""
    from isnad.extract.ner_corpus import read_corpus
    from isnad.extract.ner_train import evaluate_model

    try:
        typer.echo(evaluate_model(model, read_corpus(corpus)).table())
    except IsnadError as exc:
        raise _fail(exc) from None


@app.command()
def version() -> None:
    """Print the isnad version."""
    typer.echo(__version__)


def main() -> None:  # pragma: no cover - console entry
    app()
