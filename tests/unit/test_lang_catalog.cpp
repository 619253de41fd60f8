#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "acct/lang/catalog.h"
#include "acct/lang/counted_period.h"
#include "acct/lang/plural.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/model/message.h"
#include "acct/report/workload.h"

using namespace acctool;

namespace {

// The Russian rule as CLDR states it, written apart from the catalog's
// C expression: one (1, 21, 101 …), few (2–4, 22–24 …), many (the rest,
// 11–14 and 111–114 included).
unsigned russian_form(unsigned long n) {
    if (n % 10 == 1 && n % 100 != 11) return 0;
    if (n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14)) return 1;
    return 2;
}

Catalog built_russian_catalog() {
    std::ifstream in(ACCT_BUILD_LOCALE_DIR "/ru/LC_MESSAGES/acct.mo", std::ios::binary);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto c = parse_mo(bytes.str());
    REQUIRE(c.ok());
    return *c;
}

Money money(std::int64_t minor, const char* currency) {
    return Money{minor, *parse_currency(currency)};
}

}  // namespace

TEST_CASE("the Russian plural forms of po/ru.po follow the rule for 0 to 200") {
    Catalog ru = built_russian_catalog();
    CHECK(ru.plural_rule().forms() == 3);
    const char* days[] = {"день", "дня", "дней"};
    LanguageScope scope(Language::ru, &ru);
    for (unsigned long n = 0; n <= 200; ++n) {
        CAPTURE(n);
        CHECK(ru.plural_rule().form(n) == russian_form(n));
        CHECK(trnf("{} day", "{} days", n, n) == std::to_string(n) + " " + days[russian_form(n)]);
    }
    CHECK(trnf("{} day overdue", "{} days overdue", 21, 21) == "просрочено на 21 день");
    CHECK(trnf("in {} day", "in {} days", 12, 12) == "через 12 дней");
    CHECK(trnf("in {} day", "in {} days", 104, 104) == "через 104 дня");
}

TEST_CASE("English needs no catalog: the sources' text, one form for 1") {
    LanguageScope scope(Language::en, nullptr);
    CHECK(std::string(tr("today")) == "today");
    CHECK(trnf("{} day overdue", "{} days overdue", 1, 1) == "1 day overdue");
    CHECK(trnf("{} day overdue", "{} days overdue", 0, 0) == "0 days overdue");
    CHECK(trnf("{} day overdue", "{} days overdue", 11, 11) == "11 days overdue");
}

TEST_CASE("a message the catalog lacks stays English") {
    Catalog ru = built_russian_catalog();
    LanguageScope scope(Language::ru, &ru);
    CHECK(std::string(tr("a message nobody translated")) == "a message nobody translated");
    CHECK(std::string(trn("one apple", "{} apples", 5)) == "{} apples");
}

TEST_CASE("Plural-Forms expressions: precedence, the ternary, errors") {
    auto rule = parse_plural_forms("nplurals=3; plural=n==0 ? 0 : n==1 ? 1 : 2;");
    REQUIRE(rule.ok());
    CHECK(rule->form(0) == 0);
    CHECK(rule->form(1) == 1);
    CHECK(rule->form(7) == 2);
    auto arith = parse_plural_forms("nplurals=2; plural=(n*2+1)/3 % 2 != 0 || !n;");
    REQUIRE(arith.ok());
    CHECK(arith->form(0) == 1);  // !0
    CHECK(arith->form(1) == 1);  // 3/3 = 1
    CHECK(arith->form(4) == 1);  // 9/3 = 3
    CHECK(arith->form(3) == 0);  // 7/3 = 2
    CHECK(arith->form(2) == 1);  // 5/3 = 1
    CHECK(parse_plural_forms("nplurals=2; plural=(n").error() == "plural expression: expected ')'");
    CHECK(parse_plural_forms("plural=n;").error() == "expected 'nplurals=N; plural=EXPRESSION;'");
    CHECK(parse_plural_forms("nplurals=2; plural=n @ 1;").error() ==
          "plural expression: unexpected '@ 1'");
    CHECK(PluralRule().form(1) == 0);
    CHECK(PluralRule().form(2) == 1);
}

TEST_CASE("bytes that are not a catalog are refused, never read past their end") {
    CHECK(parse_mo("").error() == "not a compiled gettext catalog (.mo)");
    CHECK(parse_mo(std::string(40, 'x')).error() == "not a compiled gettext catalog (.mo)");
    std::string mo = std::string("\xde\x12\x04\x95") + std::string(4, '\0') +
                     std::string("\xff\xff\x00\x00", 4) + std::string(16, '\0');
    CHECK(parse_mo(mo).error() == "the .mo string tables run past the end of the file");
}

TEST_CASE("Russian dates and money as people write them") {
    Date d{std::chrono::year{2026}, std::chrono::November, std::chrono::day{27}};
    CHECK(russian_date(d) == "27 ноября 2026");
    CHECK(russian_amount(money(15000000, "RUB")) == "150 000,00");
    CHECK(russian_amount(money(999, "EUR")) == "9,99");
    CHECK(russian_amount(money(100000, "EUR")) == "1 000,00");
    CHECK(russian_amount(money(1500, "JPY")) == "1 500");
    CHECK(russian_amount(money(1234567, "KWD")) == "1 234,567");
    {
        LanguageScope ru(Language::ru, nullptr);
        CHECK(say_weekday_date(d) == "пт 27.11");
        CHECK(say_table_date(d) == "27.11.2026");
        CHECK(say_money(money(15000000, "RUB")) == "150 000,00 RUB");
        CHECK(say_decimal(2.1739, 2) == "2,17");
        CHECK(say_decimal(160, 0) == "160");
        CHECK(say_figure("2400.00") == "2 400,00");
        CHECK(say_figure("-600.00") == "-600,00");
        CHECK(say_figure("+1500.5") == "+1 500,5");
        CHECK(say_figure("+") == "+");
        CHECK(say_figure("83.3") == "83,3");
        CHECK(say_figure("n/a") == "n/a");
        CHECK(say_figure("2026.11.") == "2026.11.");
    }
    CHECK(say_figure("2400.00") == "2400.00");
    CHECK(say_decimal(2.1739, 2) == "2.17");
    CHECK(say_weekday_date(d) == "Fri 2026-11-27");
    CHECK(say_money(money(15000000, "RUB")) == "150000.00 RUB");
}

TEST_CASE("a decimal groups thousands as a figure does: 150 000,5") {
    {
        LanguageScope ru(Language::ru, nullptr);
        CHECK(say_decimal(150000.5, 1) == "150 000,5");
        CHECK(say_decimal(150000.5, 1) == say_figure("150000.5"));
        CHECK(say_decimal(1234567.891, 2) == "1 234 567,89");
        CHECK(say_decimal(-2500, 0) == "-2 500");
        CHECK(say_decimal(999.99, 2) == "999,99");
    }
    CHECK(say_decimal(150000.5, 1) == "150000.5");
    CHECK(say_decimal(-2500, 0) == "-2500");
}

TEST_CASE("a length in a sum keeps its number: + 1 день, not + день") {
    Period day{1, PeriodUnit::day}, weeks{2, PeriodUnit::week}, days{5, PeriodUnit::day};
    CHECK(say_counted_period(day) == "1d");
    CHECK(say_counted_period(weeks) == "2w");
    Catalog ru = built_russian_catalog();
    LanguageScope scope(Language::ru, &ru);
    CHECK(say_counted_period(day) == "1 день");
    CHECK(say_counted_period(weeks) == "2 недели");
    CHECK(say_counted_period(days) == "5 дней");
    CHECK(say_counted_period(Period{21, PeriodUnit::day}) == "21 день");
    CHECK(say_period(day) == "день");
    CHECK(say_period(days) == "5 дней");
}

TEST_CASE("time spent: acct's own shorthand in English, a timesheet's in Russian") {
    CHECK(say_duration(30) == "30min");
    CHECK(say_duration(120) == "2h");
    CHECK(say_duration(90) == "1h30min");
    Catalog ru = built_russian_catalog();
    LanguageScope scope(Language::ru, &ru);
    CHECK(say_duration(30) == "30 мин");
    CHECK(say_duration(120) == "2 ч");
    CHECK(say_duration(90) == "1 ч 30 мин");
}

TEST_CASE("the workload verdict: in words in Russian, in English for JSON whatever the language") {
    Catalog ru = built_russian_catalog();
    LanguageScope scope(Language::ru, &ru);
    CHECK(verdict_words(0.5) == "аккаунт-менеджер на неполную ставку (от 0,25 до 0,75)");
    CHECK(verdict_for(0.5) == "a part-time account manager (0.25 to 0.75)");
    // verdict_for's English scope ends with it.
    CHECK(verdict_words(0.1) == "вести клиентов силами продаж или проектной команды (меньше 0,25)");
}

TEST_CASE("a diagnostic's message is put into words in the language of the moment") {
    Catalog ru = built_russian_catalog();
    Message m = say("active client '{}' has no contract", "acme");
    {
        LanguageScope scope(Language::ru, &ru);
        CHECK(words(m) == "у действующего клиента 'acme' нет договора");
        // Positional fields let the Russian put the words in its own order.
        CHECK(words(say("unknown key '{}' in {}; did you mean '{}'?", "stauts", "client.yaml",
                        "status")) ==
              "client.yaml: неизвестный ключ 'stauts'; может быть, 'status'?");
        CHECK(parse_date("2025-02-29").error() == "в месяце 2025-02 последнее число — 28");
        CHECK(parse_period("2M").error() ==
              "'2m' неоднозначно: для месяцев пишите '2mo' ('min' — минуты длительности)");
    }
    CHECK(words(m) == "active client 'acme' has no contract");
    CHECK(parse_date("2025-02-29").error() == "2025-02 has 28 days");
}
