"""ISBN cleaning and validation against real ISBNs."""

from __future__ import annotations

import pytest

from shuwu_shared.domain.isbn import (
    InvalidIsbn,
    IsbnProblem,
    clean_scan,
    is_isbn_not_barcode,
    isbn10_check_digit,
    isbn13_check_digit,
    isbn13_to_isbn10,
    normalise_isbn,
    parse_isbn,
    try_normalise_isbn,
)

# Real books: 红楼梦 (人民文学出版社), 活着 (作家出版社), 平凡的世界 (北京十月文艺出版社), and
# the ISBN-10/13 pair used as the worked example in ISO 2108 explanations.
REAL_ISBN13 = ["9787020002207", "9787506365437", "9787530216781", "9780306406157"]


@pytest.mark.parametrize("isbn", REAL_ISBN13)
def test_real_isbn13_check_digits(isbn: str) -> None:
    assert isbn13_check_digit(isbn[:12]) == isbn[12]
    assert normalise_isbn(isbn) == isbn


def test_isbn10_converts_to_isbn13_with_a_recomputed_check_digit() -> None:
    assert isbn10_check_digit("030640615") == "2"
    assert normalise_isbn("0-306-40615-2") == "9780306406157"
    assert isbn13_to_isbn10("9780306406157") == "0306406152"
    # An ISBN-10 ending in X (check value 10): 7-02-000220-X is 红楼梦's old number.
    assert isbn10_check_digit("702000220") == "X"
    assert normalise_isbn("7-02-000220-x") == "9787020002207"
    assert isbn13_to_isbn10("9791032305690") is None  # 979 numbers never had an ISBN-10


@pytest.mark.parametrize(
    "raw",
    [
        "978-7-02-000220-7",
        "978 7 02 000220 7",
        "ISBN 978-7-02-000220-7",
        "ISBN-13: 9787020002207",
        "９７８７０２０００２２０７",  # full-width digits from an IME
        "]E09787020002207\r\n",  # AIM symbology identifier and Enter from the scanner
        "\x029787020002207\x03",  # STX/ETX framing
        "978702000220752600",  # scanned together with the 5-digit price add-on
        "978702000220726",  # 2-digit add-on
    ],
)
def test_spellings_normalise_to_the_same_isbn13(raw: str) -> None:
    assert normalise_isbn(raw) == "9787020002207"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", IsbnProblem.EMPTY),
        ("9787020002208", IsbnProblem.CHECK_DIGIT),
        ("7-02-000220-7", IsbnProblem.CHECK_DIGIT),
        ("978702000220", IsbnProblem.LENGTH),
        ("12345678", IsbnProblem.LENGTH),
        ("9770000000002", IsbnProblem.PREFIX),  # ISSN EAN
        ("9790060115615", IsbnProblem.PREFIX),  # 979-0 is the ISMN (music)
        ("97870200A2207", IsbnProblem.CHARACTERS),
    ],
)
def test_bad_isbns_say_why(raw: str, reason: IsbnProblem) -> None:
    with pytest.raises(InvalidIsbn) as caught:
        parse_isbn(raw)
    assert caught.value.reason is reason
    assert isinstance(caught.value, ValueError)
    assert try_normalise_isbn(raw) is None


def test_isbn_versus_item_barcode() -> None:
    assert is_isbn_not_barcode("9787020002207")
    assert is_isbn_not_barcode("9787020002208")  # a mistyped ISBN is still an ISBN, not an item
    assert is_isbn_not_barcode("7-02-000220-X")
    assert not is_isbn_not_barcode("10000123")  # 8-digit item barcode
    # A 10-digit item barcode can pass the ISBN-10 check by chance; only the cover's EAN-13 or
    # a hyphenated ISBN-10 is taken for an ISBN.
    assert isbn10_check_digit("030640615") == "2"
    assert not is_isbn_not_barcode("0306406152")
    assert not is_isbn_not_barcode("9770000000002")


def test_clean_scan_strips_configured_prefix_and_suffix() -> None:
    assert clean_scan("#10000123$\n", prefix="#", suffix="$") == "10000123"
    assert clean_scan("  ２０００１２３４\t") == "20001234"
