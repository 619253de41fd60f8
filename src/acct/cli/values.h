#pragma once
// Option values of the writing commands, checked before anything is read:
// a bad one is a usage error (64) naming the option.
#include <optional>
#include <string>
#include <string_view>

#include "acct/lang/translate.h"
#include "acct/load/suggest.h"
#include "acct/model/date.h"
#include "acct/model/money.h"
#include "acct/model/records.h"
#include "acct/model/result.h"

namespace acctool::cli {

// A date (2026-12-01), `today`, `yesterday`, `tomorrow`, a period counted from `base`
// (2w), or a weekday (fri, friday): the first such day after `base`.
Result<Date> parse_when(std::string_view text, Date base);

// --as-of: a date, or `today`, `yesterday` or `tomorrow` counted from `today`.
Result<Date> parse_as_of(std::string_view text, Date today);

// An optional date option (see parse_when), `base` when it is absent; the
// error names the option.
Result<Date> parse_date_option(std::string_view option, const std::optional<std::string>& text,
                               Date base);

// Text for a record: valid UTF-8, not empty; the error a predicate ("is empty")
// for a sentence that names the value before it.
Result<std::string> parse_text(std::string_view text);
// The same, the error a whole sentence naming the option (`name`: TITLE, --to).
Result<std::string> parse_text(std::string_view text, std::string_view name);

// An id given to `option` (--id, --contract): a slug, or the error naming it.
Result<std::string> parse_id(std::string_view option, std::string_view text);

// A number as a user types it: digits, an optional sign, a point before the
// fraction (`.5` is 0.5); at most 13 digits before the point, 6 after, 18 in
// all. The error a clause after the quoted text ("'1,5' is not a number: ...").
Result<Decimal> parse_number(std::string_view text);

// An amount with at most the currency's fraction digits, as money; not
// negative. Read as parse_number reads, the error worded for an amount.
Result<Money> parse_money(std::string_view text, const Currency& currency);

// One of the enumeration's words, with a did-you-mean.
template <class E>
Result<E> parse_choice(std::string_view text) {
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return static_cast<E>(i);
    auto near = closest(text, names);
    std::string all = fmt::format("{}", fmt::join(names, ", "));
    return Failure{near ? trf("'{}' is not one of {}; did you mean '{}'?", text, all, *near)
                        : trf("'{}' is not one of {}", text, all)};
}

}  // namespace acctool::cli
