"""GET forms (Flask-WTF): the directory search and the force finder.

GET forms change nothing, so they carry no CSRF token and set no cookie.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, Length, Optional

from .content import AUDIENCES, NATIONS

MAX_QUERY = 100

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
            return super().render_field(field, render_kw)


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
