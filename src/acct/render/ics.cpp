#include "acct/render/ics.h"

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/model/utf8.h"
#include "acct/render/due.h"

namespace acctool {

namespace {

std::string compact(Date d) {
    return fmt::format("{:04}{:02}{:02}", static_cast<int>(d.year()),
                       static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace

std::string ics_text(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                if (i + 1 < s.size() && s[i + 1] == '\n') break;  // CRLF: one break
                out += "\\n";
                break;
            default:
                if ((u < 0x20 && c != '\t') || u == 0x7f) break;
                out += c;
        }
    }
    return out;
}

std::string ics_line(std::string_view content) {
    std::string out;
    std::size_t line = 0;
    for (std::size_t i = 0; i < content.size();) {
        std::size_t next = i;
        decode_utf8(content, next);
        std::size_t n = next - i;
        if (line + n > 75) {
            out += "\r\n ";
            line = 1;
        }
        out.append(content.substr(i, n));
        line += n;
        i = next;
    }
    return out + "\r\n";
}

std::string item_uid(const DueItem& item) {
    std::string key =
        fmt::format("{}\x1f{}\x1f{}", item.client->id, to_string(item.kind), item.subject);
    return fmt::format("{}-{:016x}@acct", to_string(item.kind), fnv1a(key));
}

std::string render_ics(const std::vector<DueItem>& items, const IcsOptions& o) {
    std::string out;
    auto line = [&](std::string_view s) { out += ics_line(s); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(fmt::format("PRODID:-//acct//acct {}//EN", ACCT_VERSION));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:acct");
    for (const auto& item : items) {
        std::string summary = fmt::format("{}: {}", item.client->name, item_action(item));
        // TRANSLATORS: the kind (a keyword: task, payment, ...), the client's name and id.
        std::string description =
            trf("{} for {} ({})", to_string(item.kind), item.client->name, item.client->id) +
            fmt::format("\n{}:{}", item.at.file, item.at.line);
        if (item.amount) description += "\n" + trf("amount: {}", say_money(*item.amount));
        line("BEGIN:VEVENT");
        line(fmt::format("UID:{}", item_uid(item)));
        line(fmt::format("DTSTAMP:{}T000000Z", compact(o.stamp)));
        line(fmt::format("DTSTART;VALUE=DATE:{}", compact(item.due)));
        line(fmt::format("DTEND;VALUE=DATE:{}", compact(add_days(item.due, 1))));
        line(fmt::format("SUMMARY:{}", ics_text(summary)));
        line(fmt::format("DESCRIPTION:{}", ics_text(description)));
        line(fmt::format("CATEGORIES:{}", to_string(item.kind)));
        line("TRANSP:TRANSPARENT");
        if (o.alarm_days) {
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line(fmt::format("DESCRIPTION:{}", ics_text(summary)));
            line(fmt::format("TRIGGER:-P{}D", *o.alarm_days));
            line("END:VALARM");
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

}  // namespace acctool
