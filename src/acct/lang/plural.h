#pragma once
// The Plural-Forms rule of a gettext catalog ("nplurals=3; plural=(n%10==1
// && n%100!=11 ? 0 : ...);"): which of a message's forms a count takes.
#include <string>
#include <string_view>
#include <vector>

#include "acct/model/result.h"

namespace acctool {

class PluralRule {
  public:
    // English: two forms, the first for 1.
    PluralRule();
    // The index of the form for `n`, 0 ≤ index < forms().
    unsigned form(unsigned long n) const;
    unsigned forms() const { return forms_; }

    struct Node {
        char op;       // 'n', '#' (number), '?', '!', or the first letter of a binary operator
        char op2 = 0;  // its second letter: "==" is {'=', '='}, "<" is {'<', 0}
        unsigned long value = 0;
        int a = -1, b = -1, c = -1;  // operands, by index
    };

  private:
    friend Result<PluralRule> parse_plural_forms(std::string_view header_value);
    unsigned long eval(int node, unsigned long n) const;
    unsigned forms_ = 2;
    std::vector<Node> nodes_;
    int root_ = -1;
};

// The value of a catalog header's Plural-Forms field, a C expression of n.
Result<PluralRule> parse_plural_forms(std::string_view header_value);

}  // namespace acctool
