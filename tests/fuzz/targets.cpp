#include "targets.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "acct/load/file_records.h"
#include "acct/model/utf8.h"
#include "acct/render/csv.h"
#include "acct/render/email.h"
#include "acct/render/ics.h"
#include "acct/render/markup.h"
#include "acct/render/terminal_text.h"
#include "acct/write/edit.h"
#include "acct/write/insert.h"
#include "acct/write/merge.h"
#include "acct/write/record_identity.h"

namespace acctool::fuzz {

namespace {

[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace

int record_file(const std::uint8_t* data, std::size_t size) {
    static const Config config;
    ReadOptions options{config};
    for (bool client_file : {true, false}) {
        auto source = std::make_shared<const SourceText>(
            client_file ? "c/client.yaml" : "c/log.yaml", std::string(as_text(data, size)));
        FileRecords r = read_record_file(source, client_file, "c", options);
        for (const auto& d : r.diagnostics)
            if (d.where.line < 1 || d.where.column < 1) broken("a diagnostic without a place");
        if (!r.parsed && r.diagnostics.empty()) broken("a file refused without a diagnostic");
    }
    return 0;
}

int terminal_text(const std::uint8_t* data, std::size_t size) {
    std::string safe = terminal_safe(as_text(data, size));
    if (find_invalid_utf8(safe)) broken("terminal_safe let invalid UTF-8 through");
    for (std::size_t i = 0; i < safe.size();) {
        std::int32_t c = decode_utf8(safe, i);
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
            (c >= 0x2066 && c <= 0x2069))
            broken("terminal_safe let a control or bidi character through");
    }
    if (display_width(safe) < 0) broken("a negative width");
    std::string padded = pad_right(safe, 40);
    if (display_width(padded) < std::min(40, display_width(safe))) broken("pad_right fell short");
    return 0;
}

int insert(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes = as_text(data, size);
    std::string_view body = bytes.substr(bom_length(bytes));
    YamlParse old_parse = parse_yaml(body);
    if (!old_parse.document) return 0;
    YamlValue item = YamlValue::mapping();
    item.add("date", YamlValue::word("2026-11-27"))
        .add("kind", YamlValue::word("call"))
        .add("summary", YamlValue::text(body.substr(0, std::min<std::size_t>(body.size(), 12))));
    auto ins = append_to_section(EditableFile{bytes, *old_parse.document}, "interactions", item);
    if (!ins) return 0;
    if (ins->offset > bytes.size()) broken("an insertion past the end");
    std::string out = apply_insertion(bytes, *ins);
    if (out.compare(0, ins->offset, bytes.substr(0, ins->offset)) != 0 ||
        out.compare(ins->offset + ins->text.size(), std::string::npos, bytes.substr(ins->offset)) !=
            0)
        broken("bytes outside the insertion changed");
    if (ins->record > out.size()) broken("a record offset past the end");
    // The planner may produce text that does not read back (the writer then
    // refuses it); the check itself must hold up on anything.
    std::string_view new_body = std::string_view(out).substr(body.data() - bytes.data());
    YamlParse new_parse = parse_yaml(new_body);
    if (new_parse.document)
        (void)has_only_the_change(*old_parse.document, *new_parse.document, *ins);
    return 0;
}

int edit(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes = as_text(data, size);
    std::string_view body = bytes.substr(bom_length(bytes));
    YamlParse old_parse = parse_yaml(body);
    if (!old_parse.document || old_parse.document->empty) return 0;
    const YamlDocument& doc = *old_parse.document;
    if (doc.node(doc.root).kind != YamlNode::Kind::mapping) return 0;
    EditableFile f{bytes, doc};
    std::vector<std::uint32_t> records{doc.root};
    if (const YamlNode* list = map_get(doc, doc.node(doc.root), "contracts"))
        if (list->kind == YamlNode::Kind::sequence && !list->items.empty() &&
            doc.node(list->items.front()).kind == YamlNode::Kind::mapping)
            records.push_back(list->items.front());
    YamlValue text = YamlValue::text(body.substr(0, std::min<std::size_t>(body.size(), 12)));
    for (std::uint32_t record : records) {
        std::vector<Result<Edit>> edits;
        edits.push_back(set_value(f, record, {"status"}, YamlValue::word("sent")));
        edits.push_back(set_value(f, record, {"renewal", "renewed_by"}, text));
        edits.push_back(remove_key(f, record, {"until"}));
        edits.push_back(remove_key(f, record, {"renewal", "auto"}));
        for (const auto& e : edits) {
            if (!e) continue;
            for (const auto& s : e->splices)
                if (s.offset + s.length > bytes.size()) broken("a splice past the end");
            std::string out = apply_edit(bytes, *e);
            if (e->splices.size() == 1) {
                const Splice& s = e->splices.front();
                if (out.compare(0, s.offset, bytes.substr(0, s.offset)) != 0 ||
                    out.compare(s.offset + s.text.size(), std::string::npos,
                                bytes.substr(s.offset + s.length)) != 0)
                    broken("bytes outside the edit changed");
            }
            std::string_view new_body = std::string_view(out).substr(bom_length(out));
            YamlParse new_parse = parse_yaml(new_body);
            if (new_parse.document)
                (void)has_only_the_changes(doc, *new_parse.document, e->changes);
        }
    }
    return 0;
}

int mail(const std::uint8_t* data, std::size_t size) {
    std::string_view in = as_text(data, size);
    // Three pieces separated by NUL: subject, display name, body.
    auto cut = [&]() {
        auto k = in.find('\0');
        std::string piece(in.substr(0, k));
        in = k == std::string_view::npos ? std::string_view() : in.substr(k + 1);
        return piece;
    };
    std::string subject = cut(), name = cut(), body(in);
    if (!check_header_text("Subject", subject) || !check_header_text("From", name)) return 0;
    MailMessage m{name.empty() ? "a@example.com" : "\"" + name + "\" <a@example.com>",
                  "b@example.com",
                  subject,
                  0,
                  0,
                  "id@example.com",
                  terminal_safe(body),
                  html_escape(terminal_safe(body))};
    auto msg = compose_email(m, "seed");
    if (!msg) return 0;
    std::string_view text = *msg;
    std::size_t headers_end = text.find("\r\n\r\n");
    if (headers_end == std::string_view::npos) broken("no end of headers");
    int headers = 0;
    std::string_view current;
    for (std::size_t start = 0, end; start < text.size(); start = end + 2) {
        end = text.find("\r\n", start);
        if (end == std::string_view::npos) broken("a line without CRLF");
        std::string_view line = text.substr(start, end - start);
        if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos)
            broken("a bare CR or LF");
        if (line.size() > 998) broken("a line over 998 bytes");
        if (start < headers_end) {
            if (!line.empty() && line[0] != ' ') current = line.substr(0, line.find(':'));
            // An address cannot be folded inside: From and To may pass 78
            // (never 998); every other header stays within 78.
            if (line.size() > 78 && current != "From" && current != "To")
                broken("a header line over 78");
            for (char c : line)
                if (static_cast<unsigned char>(c) > 0x7e) broken("a header that is not ASCII");
            if (!line.empty() && line[0] != ' ') ++headers;
        }
    }
    if (headers != 8) broken("a header more or less than acct writes");
    if (html_escape(body).find('<') != std::string::npos) broken("html_escape let '<' through");
    return 0;
}

namespace {

// A small RFC 4180 reader, to check the writer against.
std::vector<std::vector<std::string>> read_csv(std::string_view text, char delimiter) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"' && cell.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == delimiter) {
            row.push_back(cell);
            cell.clear();
            was_quoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row.push_back(cell);
            rows.push_back(row);
            row.clear();
            cell.clear();
            was_quoted = false;
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}

}  // namespace

int csv(const std::uint8_t* data, std::size_t size) {
    std::string_view in = as_text(data, size);
    char delimiter = in.empty() ? ',' : in[0];
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') delimiter = ',';
    CsvTable t{{{"a"}, {"b", true}}, {}};
    std::vector<std::string> cells;
    for (std::size_t start = in.empty() ? 0 : 1; start <= in.size();) {
        std::size_t k = std::min(in.find('\0', start), in.size());
        cells.emplace_back(in.substr(start, k - start));
        start = k + 1;
    }
    if (cells.size() % 2) cells.emplace_back();
    for (std::size_t i = 0; i < cells.size(); i += 2)
        t.rows.push_back({cells[i], cells[i + 1]});
    std::string out = render_csv(t, CsvOptions{delimiter, false});
    auto rows = read_csv(out, delimiter);
    if (rows.size() != t.rows.size() + 1) broken("CSV rows do not read back");
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::string& text = t.rows[r][0];
        bool formula =
            !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
        if (rows[r + 1].size() != 2) broken("a CSV row reads back with another number of cells");
        if (rows[r + 1][0] != (formula ? "'" + text : text)) broken("a text cell changed");
        if (rows[r + 1][1] != t.rows[r][1]) broken("a numeric cell changed");
    }
    return 0;
}

int ics(const std::uint8_t* data, std::size_t size) {
    std::string_view in = as_text(data, size);
    if (find_invalid_utf8(in)) return 0;  // acct's data is UTF-8 by the time it gets here
    std::string out = ics_line("SUMMARY:" + ics_text(in));
    if (!out.ends_with("\r\n")) broken("an ICS line without CRLF");
    for (std::size_t start = 0, end; start < out.size(); start = end + 2) {
        end = out.find("\r\n", start);
        if (end == std::string::npos) broken("text after the last CRLF");
        std::string_view line = std::string_view(out).substr(start, end - start);
        if (line.size() > 75) broken("an ICS line over 75 octets");
        if (find_invalid_utf8(line)) broken("a fold inside a UTF-8 character");
        if (line.find_first_of("\r\n") != std::string_view::npos) broken("a bare line break");
        if (start > 0 && line.substr(0, 1) != " ") broken("a continuation without a space");
    }
    return 0;
}

namespace {

// `bytes` with `item` appended to `section` by the writer, or nothing.
std::optional<std::string> appended(std::string_view bytes, std::string_view section,
                                    const YamlValue& item) {
    YamlParse p = parse_yaml(bytes.substr(bom_length(bytes)));
    if (!p.document) return std::nullopt;
    auto ins = append_to_section(EditableFile{bytes, *p.document}, section, item);
    if (!ins) return std::nullopt;
    return apply_insertion(bytes, *ins);
}

// The list under `key` of a mapping, or nullptr.
const YamlValue* section_of(const YamlValue& root, std::string_view key) {
    if (root.kind != YamlNode::Kind::mapping) return nullptr;
    for (std::size_t i = 0; i + 1 < root.items.size(); i += 2)
        if (root.items[i].value == key)
            return root.items[i + 1].kind == YamlNode::Kind::sequence ? &root.items[i + 1]
                                                                      : nullptr;
    return nullptr;
}

YamlValue tree_of(std::string_view bytes) {
    YamlParse p = parse_yaml(bytes.substr(bom_length(bytes)));
    if (!p.document || p.document->empty) return YamlValue{};
    return to_value(*p.document, p.document->root);
}

}  // namespace

int merge(const std::uint8_t* data, std::size_t size) {
    std::string_view in = as_text(data, size);
    std::string base, ours, theirs;
    std::size_t a = in.find('\0');
    if (a == std::string_view::npos) {
        base = in;
        auto o = appended(in, "interactions",
                          YamlValue::mapping()
                              .add("date", YamlValue::word("2026-11-27"))
                              .add("kind", YamlValue::word("call"))
                              .add("summary", YamlValue::text("ours")));
        auto t = appended(in, "tasks",
                          YamlValue::mapping()
                              .add("title", YamlValue::text("theirs"))
                              .add("due", YamlValue::word("2026-12-01")));
        if (!o || !t) return 0;
        ours = std::move(*o);
        theirs = std::move(*t);
    } else {
        base = in.substr(0, a);
        std::string_view rest = in.substr(a + 1);
        std::size_t b = rest.find('\0');
        ours = rest.substr(0, b);
        theirs = b == std::string_view::npos ? base : std::string(rest.substr(b + 1));
    }
    static const Config config;
    RecordFileContext ctx{"c/client.yaml", "c", true, ReadOptions{config}};
    RecordMerge m = merge_record_file({base, ours, theirs}, ctx);
    if (m.outcome != RecordMerge::Outcome::merged) {
        if (m.reason.empty()) broken("a merge left to git without a reason");
        return 0;
    }
    YamlParse p = parse_yaml(std::string_view(m.text).substr(bom_length(m.text)));
    if (!p.document) broken("a merged file that does not parse");
    YamlValue b = tree_of(base), o = tree_of(ours), t = tree_of(theirs), out = tree_of(m.text);
    // A record of either side that the base does not have is in the result.
    for (const auto& id : record_identities)
        for (const YamlValue* side : {&o, &t}) {
            const YamlValue* list = section_of(*side, id.section);
            if (!list) continue;
            const YamlValue* before = section_of(b, id.section);
            const YamlValue* after = section_of(out, id.section);
            for (const auto& r : list->items) {
                auto in_list = [&](const YamlValue* l) {
                    return l && std::find(l->items.begin(), l->items.end(), r) != l->items.end();
                };
                if (!in_list(before) && !in_list(after)) broken("a merge lost a record");
            }
        }
    return 0;
}

}  // namespace acctool::fuzz
