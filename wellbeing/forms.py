"""Forms (Flask-WTF): the directory search, the force finder and "report a problem".

GET forms change nothing, so they carry no CSRF token and set no cookie. The
report form is the one POST form; why it has no CSRF token either is explained
on `ReportForm`.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Length, Optional

from .content import AUDIENCES, NATIONS
from .limits import MAX_QUERY
from .report_store import PROBLEMS

MAX_CORRECTION = 500

AUDIENCE_LABELS = {
    "officer": _l("Police officers"),
    "staff": _l("Police staff"),
    "volunteer": _l("Special constables and volunteers"),
    "family": _l("Families"),
    "retired": _l("Retired officers and staff"),
}
NATION_LABELS = {
    "england": _l("England"),
    "wales": _l("Wales"),
    "scotland": _l("Scotland"),
    "northern-ireland": _l("Northern Ireland"),
}


class GetForm(FlaskForm):
    class Meta:
        csrf = False

        def render_field(self, field, render_kw):
            """Mark a field in error as invalid, for screen readers."""
            if field.errors:
                render_kw = {"aria-invalid": "true", **render_kw}
            return super().render_field(field, render_kw)  # type: ignore[misc]  # wtforms merges this Meta with its DefaultMeta, which has render_field


class DirectorySearchForm(GetForm):
    q = StringField(
        _l("Search"),
        validators=[
            Optional(),
            Length(max=MAX_QUERY, message=_l("Search for 100 characters or fewer.")),
        ],
    )
    audience = SelectField(
        _l("Who is it for?"),
        choices=[SelectChoice("", _l("Anyone"))]
        + [SelectChoice(a, AUDIENCE_LABELS[a]) for a in AUDIENCES],
        validators=[
            AnyOf(("", *AUDIENCES), message=_l("Choose who the support is for from the list."))
        ],
        validate_choice=False,
        default="",
    )
    nation = SelectField(
        _l("Where?"),
        choices=[SelectChoice("", _l("Anywhere in the UK"))]
        + [SelectChoice(n, NATION_LABELS[n]) for n in NATIONS],
        validators=[AnyOf(("", *NATIONS), message=_l("Choose a nation from the list."))],
        validate_choice=False,
        default="",
    )


class FindForceForm(GetForm):
    q = StringField(
        _l("Town, postcode or force"),
        validators=[Length(max=MAX_QUERY, message=_l("Enter 100 characters or fewer."))],
    )


PROBLEM_LABELS = {
    "number": _l("A phone number does not work or is wrong"),
    "hours": _l("The opening hours are wrong"),
    "closed": _l("The service has closed"),
    "force": _l("It is listed for the wrong force"),
    "other": _l("Something else"),
}
assert tuple(PROBLEM_LABELS) == PROBLEMS


class ReportForm(FlaskForm):
    """ "Something wrong or out of date?": what is wrong with one entry, and nothing about who.

    No CSRF token, on purpose. A CSRF token protects a request that carries
    ambient authority (a session cookie, a login) from being forged by another
    site. This form has none: it is anonymous, changes nothing a visitor can
    see, and anyone may submit it, so a forged submission can do no more than a
    direct one. Flask-WTF's token would also need a signed session cookie on
    the GET page, and no GET page sets a cookie. What a forged or scripted
    submission could do is fill the review queue, so the view refuses
    cross-site POSTs (`Sec-Fetch-Site`, else `Origin`), quietly drops anything
    that fills the honeypot field, and rate-limits each client.
    """

    class Meta:
        csrf = False

    problem = RadioField(
        _l("What is wrong?"),
        choices=[SelectChoice(k, label) for k, label in PROBLEM_LABELS.items()],
        validators=[
            InputRequired(message=_l("Select what is wrong.")),
            AnyOf(PROBLEMS, message=_l("Select what is wrong.")),
        ],
        validate_choice=False,
    )
    correction = TextAreaField(
        _l("What should it say? (optional)"),
        validators=[
            Optional(strip_whitespace=False),
            Length(
                max=MAX_CORRECTION,
                message=_l("Enter %(max)d characters or fewer.", max=MAX_CORRECTION),
            ),
        ],
    )
    from_provider = BooleanField(_l("I work for this service or force"))
    # The honeypot: hidden from people (and from screen readers), filled in by bots.
    website = StringField(_l("Leave this empty"))
