"""Names and bank card numbers, as people type them (accessibility/validators.py)."""

import pytest

from accessibility import validators

pytestmark = pytest.mark.usefixtures("english")  # the messages are read in English


@pytest.mark.parametrize(
    "name", ["张三", "欧阳修", "阿依古丽·买买提", "爱新觉罗·溥仪", "Li Na", "José O'Connor-Smith", "MARY J. BLIGE"]
)
def test_names_are_accepted(name):
    assert validators.person_name_problem(validators.normalise_person_name(name), "Your full name") is None


@pytest.mark.parametrize(
    "name",
    [
        "370102195003271234",
        "13912345678",
        "张",
        "张三3",
        "·张三",
        "张三·",
        "张··三",
        "Li  3",
        "Li--Na",
        "张三 Smith",
        "a" * 101,
        "张" * 21,
    ],
)
def test_what_is_not_a_name_is_refused(name):
    assert validators.person_name_problem(validators.normalise_person_name(name), "Your full name")


def test_a_name_message_reads_as_a_sentence():
    assert validators.person_name_problem("370102195003271234", "Your full name").startswith("Enter your full name ")
    assert validators.person_name_problem("张" * 21, "Your full name") == (
        "Your full name must be between 2 and 20 characters"
    )


def test_card_numbers_are_kept_as_digits_and_checked():
    digits = validators.normalise_bank_account("６２２２ 0212-3456 7890 128")
    assert digits == "6222021234567890128"
    assert validators.bank_account_problem(digits, "Account number") is None
    assert validators.group_in_fours(digits) == "6222 0212 3456 7890 128"
    assert validators.bank_account_problem("6222021234567890127", "Account number") == (
        "Check account number: a digit is missing, extra or wrong. Copy it from your bank card"
    )
    assert validators.bank_account_problem("622202123456789", "Account number") == (
        "Account number must be 16 to 19 digits. You entered 15"
    )
    assert validators.bank_account_problem("6222O21234567890128", "Account number").startswith(
        "Account number must contain only digits"
    )
    assert validators.bank_account_problem("9558801234567890123", "Account number") is None  # no check digit
