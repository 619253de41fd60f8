#include "acct/lang/translate.h"

#include "acct/model/message_lookup.h"

namespace acctool {

namespace {

// Set by the command line once it knows the language (or by a LanguageScope).
Language language = Language::en;
const Catalog* catalog = nullptr;

}  // namespace

const char* tr(const char* msgid) {
    if (!catalog) return msgid;
    const char* s = catalog->find(msgid);
    return s ? s : msgid;
}

const char* trn(const char* singular, const char* plural, unsigned long n) {
    if (catalog)
        if (const char* s = catalog->find_plural(singular, n)) return s;
    return n == 1 ? singular : plural;
}

Language current_language() {
    return language;
}

void use_language(Language l, const Catalog* c) {
    language = l;
    catalog = c;
    set_message_lookup(c ? &tr : nullptr);
}

LanguageScope::LanguageScope(Language l, const Catalog* c)
    : language_(language), catalog_(catalog) {
    use_language(l, c);
}

LanguageScope::~LanguageScope() {
    use_language(language_, catalog_);
}

}  // namespace acctool
