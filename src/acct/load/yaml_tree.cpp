#include "acct/load/yaml_tree.h"

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "acct/lang/translate.h"
#include "acct/load/yaml_syntax.h"
#include "acct/model/message.h"

namespace acctool {

namespace {

struct Stop {
    YamlError error;
};

bool is_null_word(std::string_view v) {
    return v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// yaml-cpp takes a double- or single-quoted scalar left open at the end of the
// file as closed there; find the closing quote ourselves.
bool quote_is_closed(std::string_view text, std::uint32_t pos) {
    char q = text[pos];
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        char c = text[i];
        if (q == '"' && c == '\\') {
            ++i;
        } else if (c == q) {
            if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;
                continue;
            }
            return true;
        }
    }
    return false;
}

class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(std::string_view text, const YamlLimits& limits) : text_(text), limits_(limits) {}

    YamlDocument take() { return std::move(doc_); }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        add(YamlNode{YamlNode::Kind::null, false, pos(mark), {}, {}}, anchor);
        close(static_cast<std::uint32_t>(doc_.nodes.size() - 1));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = anchors_.find(anchor);
        if (it == anchors_.end()) fail(pos(mark), words(say("this alias names no anchor")));
        std::uint32_t target = it->second;
        if (std::find(stack_.begin(), stack_.end(), target) != stack_.end())
            fail(pos(mark), words(say("this alias refers to a node that contains it (a cycle)")));
        aliased_ = true;
        count_expansion(size_[target], pos(mark));
        attach(target);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        std::uint32_t p = pos(mark);
        bool quoted = tag == "!";
        if (quoted && p < text_.size() && (text_[p] == '"' || text_[p] == '\'') &&
            !quote_is_closed(text_, p))
            fail(p, text_[p] == '"' ? words(say("this double-quoted string is never closed"))
                                    : words(say("this single-quoted string is never closed")));
        auto kind = !quoted && is_null_word(value) ? YamlNode::Kind::null : YamlNode::Kind::scalar;
        add(YamlNode{kind, quoted, p, value, {}}, anchor);
        close(static_cast<std::uint32_t>(doc_.nodes.size() - 1));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(YamlNode{YamlNode::Kind::sequence, false, pos(mark), {}, {}}, anchor);
    }
    void OnSequenceEnd() override { pop(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(YamlNode{YamlNode::Kind::mapping, false, pos(mark), {}, {}}, anchor);
    }
    void OnMapEnd() override { pop(); }

  private:
    [[noreturn]] void fail(std::uint32_t p, std::string message) {
        throw Stop{YamlError{p, std::move(message)}};
    }

    std::uint32_t pos(const YAML::Mark& m) const {
        return m.pos < 0 ? 0 : static_cast<std::uint32_t>(m.pos);
    }

    void add(YamlNode node, YAML::anchor_t anchor) {
        if (doc_.nodes.size() >= limits_.max_nodes)
            fail(node.pos,
                 words(say("more than {} YAML nodes; split the file", limits_.max_nodes)));
        auto index = static_cast<std::uint32_t>(doc_.nodes.size());
        doc_.nodes.push_back(std::move(node));
        size_.push_back(1);
        if (anchor != 0) anchors_[anchor] = index;
        attach(index);
        count_expansion(1, doc_.nodes.back().pos);
    }

    // Nodes the document stands for with its aliases expanded (saturating);
    // too many is an error once any alias is in play.
    void count_expansion(std::uint64_t nodes, std::uint32_t at) {
        expanded_ = std::min(expanded_ + nodes, limits_.max_alias_expansion + 1);
        if (aliased_ && expanded_ > limits_.max_alias_expansion)
            fail(at, words(say("aliases expand past {} nodes", limits_.max_alias_expansion)));
    }

    void attach(std::uint32_t index) {
        if (stack_.empty()) {
            doc_.root = index;
            doc_.empty = false;
            return;
        }
        YamlNode& parent = doc_.nodes[stack_.back()];
        parent.items.push_back(index);
        // yaml-cpp reads a line with no colon (`status active`) as a key with
        // an empty value at the key's own place; the line would vanish.
        if (parent.kind == YamlNode::Kind::mapping && parent.items.size() % 2 == 0) {
            const YamlNode& key = doc_.nodes[parent.items[parent.items.size() - 2]];
            const YamlNode& value = doc_.nodes[index];
            if (value.kind == YamlNode::Kind::null && value.pos == key.pos &&
                key.kind == YamlNode::Kind::scalar && !key.quoted && key.pos < text_.size() &&
                text_[key.pos] != '?')
                fail(key.pos, no_colon_message(key.value));
        }
    }

    void open(YamlNode node, YAML::anchor_t anchor) {
        if (static_cast<int>(stack_.size()) >= limits_.max_depth)
            fail(node.pos, words(say("nesting deeper than {} levels", limits_.max_depth)));
        add(std::move(node), anchor);
        stack_.push_back(static_cast<std::uint32_t>(doc_.nodes.size() - 1));
    }

    void pop() {
        std::uint32_t index = stack_.back();
        stack_.pop_back();
        close(index);
    }

    // A node's expanded size, counting what its aliases stand for; saturating.
    void close(std::uint32_t index) {
        std::uint64_t total = 1;
        for (std::uint32_t child : doc_.nodes[index].items)
            total = std::min(total + size_[child], limits_.max_alias_expansion + 1);
        size_[index] = total;
    }

    std::string_view text_;
    const YamlLimits& limits_;
    YamlDocument doc_;
    std::vector<std::uint64_t> size_;
    std::vector<std::uint32_t> stack_;
    std::unordered_map<YAML::anchor_t, std::uint32_t> anchors_;
    std::uint64_t expanded_ = 0;
    bool aliased_ = false;
};

// Only reached for the second document: its start is the error.
class SecondDocument : public YAML::EventHandler {
  public:
    void OnDocumentStart(const YAML::Mark& m) override {
        throw Stop{YamlError{
            m.pos < 0 ? 0u : static_cast<std::uint32_t>(m.pos),
            words(say("a second document starts here; acct reads one document per file"))}};
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// The first byte that is neither blank, comment nor document marker.
std::optional<std::uint32_t> first_content(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t end = std::min(text.find('\n', i), text.size());
        std::string_view line = text.substr(i, end - i);
        std::size_t k = line.find_first_not_of(" \t\r");
        if (k != std::string_view::npos && line[k] != '#') {
            std::string_view rest = line.substr(k);
            bool marker =
                (rest.rfind("---", 0) == 0 || rest.rfind("...", 0) == 0) &&
                (rest.size() == 3 || rest[3] == ' ' || rest[3] == '\t' || rest[3] == '\r');
            if (!marker) return static_cast<std::uint32_t>(i + k);
            std::size_t after = rest.find_first_not_of(" \t\r", 3);
            if (after != std::string_view::npos && rest[after] != '#')
                return static_cast<std::uint32_t>(i + k + after);
        }
        i = end + 1;
    }
    return std::nullopt;
}

}  // namespace

YamlParse parse_yaml(std::string_view text, const YamlLimits& limits) {
    YamlParse out;
    std::istringstream in{std::string(text)};
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(text, limits);
        parser.HandleNextDocument(builder);
        YamlDocument doc = builder.take();
        const bool null_root = doc.empty || doc.node(doc.root).kind == YamlNode::Kind::null;
        if (null_root) {
            // yaml-cpp reads a lone `,` or a bare tag as an empty document.
            if (auto p = first_content(text)) {
                std::size_t eol = std::min(text.find_first_of("\r\n", *p), text.size());
                std::string_view what = text.substr(*p, std::min<std::size_t>(eol - *p, 20));
                out.error = {*p,
                             words(say("expected a mapping of keys and values, found '{}'", what))};
                return out;
            }
            doc.empty = true;
        }
        SecondDocument second;
        parser.HandleNextDocument(second);
        out.document = std::move(doc);
    } catch (const Stop& stop) {
        out.error = stop.error;
    } catch (const YAML::Exception& e) {
        std::uint32_t p = e.mark.pos < 0 ? 0u : static_cast<std::uint32_t>(e.mark.pos);
        out.error =
            explain_syntax_error(text, {p, e.msg.empty() ? words(say("not valid YAML")) : e.msg});
    } catch (const std::exception& e) {
        out.error = {0, e.what()};
    }
    return out;
}

std::string_view describe(const YamlNode& n) {
    switch (n.kind) {
        case YamlNode::Kind::null:
            // TRANSLATORS: what a YAML value is, after "found": "найдено: ничего".
            return tr("nothing");
        case YamlNode::Kind::scalar:
            return tr("text");
        case YamlNode::Kind::sequence:
            return tr("a list");
        case YamlNode::Kind::mapping:
            return tr("a mapping");
    }
    return "?";
}

}  // namespace acctool
