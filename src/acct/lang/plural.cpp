#include "acct/lang/plural.h"

#include <cctype>

#include <fmt/format.h>

namespace acctool {

namespace {

// Recursive descent over the C operators gettext allows, by precedence.
class Parser {
  public:
    Parser(std::string_view text, std::vector<PluralRule::Node>& nodes) : s_(text), nodes_(nodes) {}

    Result<int> whole() {
        int root = conditional();
        skip();
        if (!error_.empty()) return Failure{error_};
        if (i_ != s_.size()) return Failure{fmt::format("unexpected '{}'", s_.substr(i_))};
        return root;
    }

  private:
    int conditional() {
        int c = binary(0);
        if (!eat("?")) return c;
        int a = conditional();
        if (!eat(":")) fail("expected ':'");
        int b = conditional();
        return add({'?', 0, 0, c, a, b});
    }

    // Levels: || && (== !=) (< > <= >=) (+ -) (* / %), loosest first.
    int binary(int level) {
        static constexpr std::string_view levels[][4] = {
            {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}};
        if (level == 6) return unary();
        int left = binary(level + 1);
        for (;;) {
            std::string_view found;
            for (std::string_view op : levels[level])
                if (!op.empty() && eat(op)) {
                    found = op;
                    break;
                }
            if (found.empty()) return left;
            int right = binary(level + 1);
            left = add({found[0], found.size() > 1 ? found[1] : '\0', 0, left, right});
        }
    }

    int unary() {
        if (eat("!")) return add({'!', 0, 0, unary()});
        if (eat("(")) {
            int e = conditional();
            if (!eat(")")) fail("expected ')'");
            return e;
        }
        if (eat("n")) return add({'n'});
        skip();
        if (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) {
            unsigned long v = 0;
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])))
                v = v * 10 + static_cast<unsigned long>(s_[i_++] - '0');
            return add({'#', 0, v});
        }
        fail("expected n, a number or '('");
        return add({'#'});
    }

    void skip() {
        while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_])))
            ++i_;
    }
    // Takes `op` when it comes next; "<" does not take the start of "<=".
    bool eat(std::string_view op) {
        skip();
        if (s_.substr(i_, op.size()) != op) return false;
        if (op.size() == 1 && std::string_view("<>=!").find(op[0]) != std::string_view::npos &&
            i_ + 1 < s_.size() && s_[i_ + 1] == '=')
            return false;
        i_ += op.size();
        return true;
    }
    int add(PluralRule::Node n) {
        nodes_.push_back(n);
        return static_cast<int>(nodes_.size()) - 1;
    }
    void fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        i_ = s_.size();
    }

    std::string_view s_;
    std::size_t i_ = 0;
    std::vector<PluralRule::Node>& nodes_;
    std::string error_;
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == ';'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

PluralRule::PluralRule() {
    nodes_ = {{'n'}, {'#', 0, 1}, {'!', '=', 0, 0, 1}};
    root_ = 2;
}

unsigned PluralRule::form(unsigned long n) const {
    unsigned long f = eval(root_, n);
    return f < forms_ ? static_cast<unsigned>(f) : 0;
}

unsigned long PluralRule::eval(int i, unsigned long n) const {
    const Node& x = nodes_[static_cast<std::size_t>(i)];
    auto a = [&] { return eval(x.a, n); };
    auto b = [&] { return eval(x.b, n); };
    switch (x.op) {
        case 'n':
            return n;
        case '#':
            return x.value;
        case '?':
            return a() ? b() : eval(x.c, n);
        case '!':
            return x.op2 == '=' ? a() != b() : !a();
        case '|':
            return a() || b();
        case '&':
            return a() && b();
        case '=':
            return a() == b();
        case '<':
            return x.op2 ? a() <= b() : a() < b();
        case '>':
            return x.op2 ? a() >= b() : a() > b();
        case '+':
            return a() + b();
        case '-':
            return a() - b();
        case '*':
            return a() * b();
        case '/': {
            unsigned long d = b();
            return d ? a() / d : 0;
        }
        case '%': {
            unsigned long d = b();
            return d ? a() % d : 0;
        }
    }
    return 0;
}

Result<PluralRule> parse_plural_forms(std::string_view value) {
    PluralRule rule;
    auto np = value.find("nplurals=");
    auto pl = value.find("plural=", np == std::string_view::npos ? 0 : np + 9);
    if (np == std::string_view::npos || pl == std::string_view::npos)
        return Failure{"expected 'nplurals=N; plural=EXPRESSION;'"};
    unsigned forms = 0;
    for (std::size_t i = np + 9;
         i < value.size() && std::isdigit(static_cast<unsigned char>(value[i])); ++i)
        forms = forms * 10 + static_cast<unsigned>(value[i] - '0');
    if (forms < 1 || forms > 6) return Failure{"nplurals must be 1 to 6"};
    rule.forms_ = forms;
    rule.nodes_.clear();
    Parser parser(trim(value.substr(pl + 7)), rule.nodes_);
    auto root = parser.whole();
    if (!root) return Failure{fmt::format("plural expression: {}", root.error())};
    rule.root_ = *root;
    return rule;
}

}  // namespace acctool
