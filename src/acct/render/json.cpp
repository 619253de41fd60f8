#include "acct/render/json.h"

#include <cmath>

#include <fmt/format.h>

namespace acctool {

Json& Json::set(std::string key, Json value) {
    std::get<Object>(v_).emplace_back(std::move(key), std::move(value));
    return *this;
}

Json& Json::push(Json value) {
    std::get<Array>(v_).push_back(std::move(value));
    return *this;
}

Json Json::decimal(std::int64_t scaled, int digits) {
    std::string text = fmt::format("{}", scaled < 0 ? -scaled : scaled);
    if (digits > 0) {
        auto d = static_cast<std::size_t>(digits);
        if (text.size() <= d) text.insert(0, d + 1 - text.size(), '0');
        text.insert(text.size() - d, ".");
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (scaled < 0 && text != "0") text.insert(0, "-");
    return Json(Number{text});
}

Json Json::rounded(double x, int digits) {
    double scale = std::pow(10.0, digits);
    // The tiny nudge keeps 0.665 (stored as 0.66499...) rounding up, as a
    // person rounding the decimal would.
    double scaled = std::floor(std::abs(x) * scale + 0.5 + 1e-9);
    auto n = static_cast<std::int64_t>(scaled);
    return decimal(x < 0 ? -n : n, digits);
}

std::string json_quote(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (c < 0x20 || c == 0x7F) out += fmt::format("\\u{:04x}", c);
                // U+2028 and U+2029 end lines in JavaScript; escape them too.
                else if (c == 0xE2 && i + 2 < s.size() &&
                         static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                         (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                          static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
                    out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
                    i += 2;
                } else
                    out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

void Json::write(std::string& out, int indent) const {
    std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    std::string close_pad(static_cast<std::size_t>(indent), ' ');
    switch (v_.index()) {
        case 0:
            out += "null";
            break;
        case 1:
            out += std::get<bool>(v_) ? "true" : "false";
            break;
        case 2:
            out += fmt::format("{}", std::get<std::int64_t>(v_));
            break;
        case 3:
            out += fmt::format("{}", std::get<double>(v_));
            break;
        case 4:
            out += json_quote(std::get<std::string>(v_));
            break;
        case 5: {
            const auto& a = std::get<Array>(v_);
            if (a.empty()) {
                out += "[]";
                break;
            }
            out += "[\n";
            for (std::size_t i = 0; i < a.size(); ++i) {
                out += pad;
                a[i].write(out, indent + 2);
                out += i + 1 < a.size() ? ",\n" : "\n";
            }
            out += close_pad + "]";
            break;
        }
        case 7:
            out += std::get<Number>(v_).text;
            break;
        case 6: {
            const auto& o = std::get<Object>(v_);
            if (o.empty()) {
                out += "{}";
                break;
            }
            out += "{\n";
            for (std::size_t i = 0; i < o.size(); ++i) {
                out += pad + json_quote(o[i].first) + ": ";
                o[i].second.write(out, indent + 2);
                out += i + 1 < o.size() ? ",\n" : "\n";
            }
            out += close_pad + "}";
            break;
        }
    }
}

std::string Json::dump() const {
    std::string out;
    write(out, 0);
    out += '\n';
    return out;
}

}  // namespace acctool
