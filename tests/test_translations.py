"""Welsh done properly: the catalogue is current and complete, and Welsh pages are Welsh."""

import pytest

from wellbeing.tools.check_strings import problems


def test_welsh_catalogue_is_current_and_complete():
    assert problems() == []


@pytest.mark.parametrize(
    ("url", "welsh"),
    [
        ("/cy/", "Siarad â rhywun nawr"),
        ("/cy/help-now", "Help nawr"),
        ("/cy/privacy", "Preifatrwydd"),
    ],
)
def test_welsh_pages_use_the_catalogue(page, url, welsh):
    assert welsh in page(url).text


def test_plural_forms_follow_welsh_rules(app):
    from flask_babel import ngettext

    with app.test_request_context("/cy/directory"):
        from flask import g

        g.lang_code = "cy"
        forms = {n: ngettext("%(num)d service", "%(num)d services", n) for n in (0, 1, 2, 3, 6, 7)}
    assert len(set(forms.values())) >= 3, forms


def test_the_count_of_forces_needs_no_article_before_the_number(app):
    from flask import g
    from flask_babel import ngettext

    with app.test_request_context("/cy/treatment-centres"):
        g.lang_code = "cy"
        headings = {
            n: ngettext("The force it serves", "The %(num)d forces it serves", n)
            for n in (8, 11, 22)
        }
    # "Y 8" and "Y 11" would need "Yr": the number comes after the noun instead.
    assert headings[8] == "Yr heddluoedd y mae'n eu gwasanaethu (8)"
    assert headings[11] == "Yr heddluoedd y mae'n eu gwasanaethu (11)"
    assert headings[22] == "Yr heddluoedd y mae'n eu gwasanaethu (22)"
