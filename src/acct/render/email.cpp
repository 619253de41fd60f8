#include "acct/render/email.h"

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/model/utf8.h"

namespace acctool {

namespace {

constexpr std::string_view crlf = "\r\n";
constexpr std::size_t max_line = 78;
// Raw bytes per encoded word: "=?UTF-8?B?" + base64 of 39 bytes (52) + "?="
// is 64, so even "Subject: " + a word stays within 78.
constexpr std::size_t word_bytes = 39;

bool is_plain_ascii(std::string_view s) {
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e) return false;
    }
    return s.find("=?") == std::string_view::npos;
}

std::string base64(std::string_view in) {
    static constexpr char table[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < in.size(); i += 3) {
        std::uint32_t n = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
        if (i + 2 < in.size()) n |= static_cast<unsigned char>(in[i + 2]);
        out += table[(n >> 18) & 63];
        out += table[(n >> 12) & 63];
        out += i + 1 < in.size() ? table[(n >> 6) & 63] : '=';
        out += i + 2 < in.size() ? table[n & 63] : '=';
    }
    return out;
}

// Encoded words for `text`, each of whole UTF-8 characters.
std::vector<std::string> encoded_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        for (std::size_t i = start; i < text.size();) {
            std::size_t next = i;
            decode_utf8(text, next);
            if (next - start > word_bytes) break;
            end = i = next;
        }
        words.push_back(fmt::format("=?UTF-8?B?{}?=", base64(text.substr(start, end - start))));
        start = end;
    }
    return words;
}

// Joins pieces into `Name: a b c`, breaking before a piece that would pass
// 78 characters (folding: CRLF then a space).
std::string fold(std::string_view name, const std::vector<std::string>& pieces) {
    std::string out = fmt::format("{}:", name);
    std::size_t line = out.size();
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const std::string& piece = pieces[i];
        if (i > 0 && line + 1 + piece.size() > max_line) {
            out += crlf;
            line = 0;
        }
        out += " " + piece;
        line += 1 + piece.size();
    }
    return out + std::string(crlf);
}

std::vector<std::string> split_outside_quotes(std::string_view list, char sep) {
    std::vector<std::string> parts;
    std::string current;
    bool quoted = false;
    for (char c : list) {
        if (c == '"') quoted = !quoted;
        if (c == sep && !quoted) {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    for (auto& p : parts) {
        auto b = p.find_first_not_of(' ');
        auto e = p.find_last_not_of(' ');
        p = b == std::string::npos ? "" : p.substr(b, e - b + 1);
    }
    return parts;
}

}  // namespace

Result<std::string> check_header_text(std::string_view name, std::string_view value) {
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
        return Failure{trf("{} holds a line break, which would start a header of its own", name)};
    if (find_invalid_utf8(value)) return Failure{trf("{} is not valid UTF-8", name)};
    return std::string(value);
}

std::string rfc5322_date(std::time_t t, long utc_offset) {
    static constexpr std::array<std::string_view, 7> days{"Sun", "Mon", "Tue", "Wed",
                                                          "Thu", "Fri", "Sat"};
    static constexpr std::array<std::string_view, 12> months{
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::time_t local = t + utc_offset;
    std::tm tm{};
    gmtime_r(&local, &tm);
    long off = utc_offset / 60;
    return fmt::format(
        "{}, {} {} {} {:02}:{:02}:{:02} {}{:02}{:02}", days[static_cast<std::size_t>(tm.tm_wday)],
        tm.tm_mday, months[static_cast<std::size_t>(tm.tm_mon)], tm.tm_year + 1900, tm.tm_hour,
        tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
}

// The value as pieces to fold between: its words when it is ASCII and each
// word fits on a line, else encoded words (which can be cut anywhere
// between characters).
static std::vector<std::string> header_pieces(std::string_view value) {
    if (is_plain_ascii(value)) {
        std::vector<std::string> words;
        for (const auto& w : split_outside_quotes(value, ' '))
            if (!w.empty()) words.push_back(w);
        if (std::all_of(words.begin(), words.end(),
                        [](const std::string& w) { return w.size() <= 64; }))
            return words;
    }
    return encoded_words(value);
}

std::string encode_header(std::string_view name, std::string_view value) {
    return fold(name, header_pieces(value));
}

Result<std::string> encode_address_header(std::string_view name, std::string_view list) {
    std::vector<std::string> pieces;
    for (const auto& entry : split_outside_quotes(list, ',')) {
        if (entry.empty()) continue;
        if (!pieces.empty()) pieces.back() += ",";
        auto lt = entry.rfind('<');
        std::string address = lt == std::string::npos ? entry : entry.substr(lt);
        std::string display = lt == std::string::npos ? "" : entry.substr(0, lt);
        while (!display.empty() && display.back() == ' ')
            display.pop_back();
        if (!is_plain_ascii(address))
            return Failure{trf("{}: '{}' is not an ASCII address", name, address)};
        if (address.size() > 254)
            return Failure{trf("{} holds an address longer than 254 characters", name)};
        if (!is_plain_ascii(display) && display.size() >= 2 && display.front() == '"' &&
            display.back() == '"') {
            // An encoded word carries the text itself: undo the quoted pairs.
            std::string text;
            for (std::size_t i = 1; i + 1 < display.size(); ++i)
                text += display[i] == '\\' && i + 2 < display.size() ? display[++i] : display[i];
            display = std::move(text);
        }
        for (auto& piece : display.empty() ? std::vector<std::string>{} : header_pieces(display))
            pieces.push_back(std::move(piece));
        pieces.push_back(address);
    }
    if (pieces.empty()) return Failure{trf("{} names no address", name)};
    return fold(name, pieces);
}

std::string quoted_printable(std::string_view text) {
    std::string out;
    std::size_t line = 0;
    auto emit = [&](std::string_view piece) {
        if (line + piece.size() > 75) {  // leave room for the soft break's '='
            out += "=\r\n";
            line = 0;
        }
        out += piece;
        line += piece.size();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            out += crlf;
            line = 0;
            continue;
        }
        bool at_line_end = i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
        bool plain = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_line_end);
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        emit(plain ? std::string(1, static_cast<char>(c)) : fmt::format("={:02X}", c));
    }
    return out;
}

Result<std::string> compose_email(const MailMessage& m, std::string_view boundary_seed) {
    std::string text = quoted_printable(m.text);
    std::string html = quoted_printable(m.html);
    // Quoted-printable never writes "=_", so this boundary cannot occur in
    // either part; checked all the same.
    std::string boundary = fmt::format("=_acct_{}", boundary_seed);
    while (text.find(boundary) != std::string::npos || html.find(boundary) != std::string::npos)
        boundary += "_";
    auto from = encode_address_header("From", m.from);
    if (!from) return Failure{from.error()};
    auto to = encode_address_header("To", m.to);
    if (!to) return Failure{to.error()};

    std::string out = *from + *to + encode_header("Subject", m.subject);
    out += fmt::format("Date: {}\r\n", rfc5322_date(m.date, m.utc_offset));
    out += fmt::format("Message-ID: <{}>\r\n", m.message_id);
    out += "MIME-Version: 1.0\r\n";
    out += "Auto-Submitted: auto-generated\r\n";
    out += fmt::format("Content-Type: multipart/alternative;\r\n boundary=\"{}\"\r\n", boundary);
    out += "\r\nThis is a message in MIME format: a plain text part and an HTML part.\r\n";
    for (const auto& [type, body] : {std::pair{"plain", &text}, std::pair{"html", &html}}) {
        out += fmt::format("\r\n--{}\r\n", boundary);
        out += fmt::format("Content-Type: text/{}; charset=utf-8\r\n", type);
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
        out += *body;
        if (!body->ends_with("\r\n")) out += "\r\n";
    }
    out += fmt::format("--{}--\r\n", boundary);
    return out;
}

}  // namespace acctool
