#pragma once
// A compiled gettext catalog (.mo, as msgfmt writes it), read from bytes:
// acct's own loader, so that the language is chosen by acct alone (not by
// the system locale, LANGUAGE or what locales are installed) and a second
// language can be used in the same run (a client's brief).
#include <string>
#include <string_view>
#include <unordered_map>

#include "acct/lang/plural.h"
#include "acct/model/result.h"

namespace acctool {

class Catalog {
  public:
    // The translation of `msgid`, or nullptr when the catalog has none.
    const char* find(std::string_view msgid) const;
    // The form of the plural message (`singular`, its plural) for `n`, or
    // nullptr when the catalog has none.
    const char* find_plural(std::string_view singular, unsigned long n) const;
    const PluralRule& plural_rule() const { return plural_; }
    std::size_t size() const { return messages_.size(); }

  private:
    friend Result<Catalog> parse_mo(std::string_view bytes);
    // msgid (the singular for a plural message) -> msgstr, forms split by NUL.
    std::unordered_map<std::string, std::string> messages_;
    PluralRule plural_;
};

Result<Catalog> parse_mo(std::string_view bytes);

}  // namespace acctool
