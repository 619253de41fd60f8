#pragma once
// The one translation call. Every message meant for people goes through
// tr() (or trn() for a count), so that xgettext finds it for po/ru.po; the
// text is an fmt format string, and the translation keeps its {} fields.
#include <string>

#include <fmt/format.h>

#include "acct/lang/catalog.h"
#include "acct/model/language.h"

namespace acctool {

// The translation of `msgid` in the current language, or `msgid` itself.
const char* tr(const char* msgid);
// The form of (singular, plural) for the count `n` in the current language.
const char* trn(const char* singular, const char* plural, unsigned long n);

// tr() then fmt::format: trf("{} overdue", n).
template <class... Args>
std::string trf(const char* msgid, const Args&... args) {
    return fmt::format(fmt::runtime(tr(msgid)), args...);
}
// trn() then fmt::format: trnf("{} day overdue", "{} days overdue", n, n).
template <class... Args>
std::string trnf(const char* singular, const char* plural, unsigned long n, const Args&... args) {
    return fmt::format(fmt::runtime(trn(singular, plural, n)), args...);
}

// The language messages are written in, and its catalog (nullptr for
// English, the language of the sources). The catalog must outlive its use.
Language current_language();
void use_language(Language language, const Catalog* catalog);

// Switches the language for a scope (a client's brief in its own language)
// and back.
class LanguageScope {
  public:
    LanguageScope(Language language, const Catalog* catalog);
    ~LanguageScope();
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;

  private:
    Language language_;
    const Catalog* catalog_;
};

}  // namespace acctool
