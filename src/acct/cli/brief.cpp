// acct brief: the status report the account manager sends the client
// (SPEC 8), in the client's language.
#include <memory>
#include <tuple>

#include <fmt/format.h>

#include "acct/brief/brief.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/language.h"
#include "acct/cli/log_plan.h"
#include "acct/cli/mail.h"
#include "acct/cli/metric_command.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/brief.h"
#include "acct/render/email.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

namespace {

struct BriefOptions {
    std::string client;
    std::optional<std::string> from, to, to_contact;
    std::string format = "markdown";
    bool send = false;
    bool log = false;
};

// The contact the brief is mailed to: --to-contact by name, else the
// primary one; or why there is none.
Result<const Contact*> recipient(const Client& c, const std::optional<std::string>& name) {
    for (const auto& k : c.contacts)
        if (name ? k.name == *name : k.primary) {
            if (k.email.empty())
                return Failure{
                    trf("contact '{}' of client '{}' has no email", terminal_safe(k.name), c.id)};
            return &k;
        }
    if (name)
        return Failure{trf("client '{}' has no contact named '{}'", c.id, terminal_safe(*name))};
    return Failure{
        trf("client '{}' has no primary contact: mark one 'primary: true' "
            "or give --to-contact NAME",
            c.id)};
}

// The whole message, as the digest builds its own.
Result<std::string> brief_email(const Session& s, const Workspace& ws, const Brief& b,
                                const Contact& to) {
    MailMessage m;
    // The name quoted: inside the quotes <, > and , are plain text, a
    // backslash is escaped and a double quote left out. Control characters
    // show escaped, as in a terminal: mail readers such as mutt print headers
    // raw.
    std::string name;
    for (char ch : terminal_safe(to.name)) {
        if (ch == '\\') name += '\\';
        if (ch != '"') name += ch;
    }
    m.to =
        name.empty() ? fmt::format("<{}>", to.email) : fmt::format("\"{}\" <{}>", name, to.email);
    m.from = ws.config.digest.from.empty() ? "acct@" + s.env.hostname : ws.config.digest.from;
    m.subject =
        trf("{}: {} – {}", brief_title(b, [](std::string_view x) { return terminal_safe(x); }),
            say_date(b.window.from), say_date(b.window.to));
    for (auto [header_name, header] :
         {std::pair{"To", &m.to}, std::pair{"From", &m.from}, std::pair{"Subject", &m.subject}})
        if (auto ok = check_header_text(header_name, *header); !ok) return Failure{ok.error()};
    m.date = s.env.now;
    m.utc_offset = s.env.utc_offset;
    m.message_id = new_message_id(s.env, m.from);
    m.text = render_brief_text(b);
    m.html = render_brief_html(b);
    return compose_email(m, random_hex(24));
}

int run_brief(Session& s, const BriefOptions& o) {
    if (o.send && o.format != "markdown" && o.format != "email") {
        s.print_error("--send mails the brief as --format email; leave out --format");
        return exit_code::usage;
    }
    const std::string format = o.send ? "email" : o.format;
    if (o.to_contact && format != "email") {
        s.print_error(
            tr("--to-contact names who gets the mail: give it with --format email or --send"));
        return exit_code::usage;
    }
    std::optional<Date> from, to;
    for (auto [option, text, out] :
         {std::tuple{"--from", &o.from, &from}, std::tuple{"--to", &o.to, &to}}) {
        if (!*text) continue;
        auto d = parse_when(**text, s.as_of);
        if (!d) {
            s.print_error(fmt::format("{} {}", option, d.error()));
            return exit_code::usage;
        }
        *out = *d;
    }
    if (from && to && *to < *from) {
        s.print_error(trf("--from {} is after --to {}", say_date(*from), say_date(*to)));
        return exit_code::usage;
    }
    int status = 0;
    auto loaded = s.load_reported(status);
    if (!loaded) return status;
    const Workspace& ws = loaded->workspace;
    const Client* found = s.client_or_say(ws, o.client, status);
    if (!found) return status;
    const Client& c = *found;
    BriefWindow window = default_brief_window(c, s.as_of);
    if (from) window.from = *from;
    if (to) window.to = *to;
    if (window.to < window.from) {
        s.print_error(
            trf("the brief would start on {}, after its end {}: give an earlier "
                "--from or a later --to",
                window.from, window.to));
        return exit_code::usage;
    }
    Brief b = build_brief(c, ws.config, window, s.as_of);
    const int data = data_status(*loaded);

    std::string text;
    {
        // Written in the client's language; messages about the run are not.
        Language lang = c.lang.value_or(current_language());
        LanguageScope scope(lang, catalog_of(s, lang));
        if (format == "markdown") text = render_brief_markdown(b);
        if (format == "text") text = render_brief_text(b);
        if (format == "html") text = render_brief_html(b);
        if (format == "email") {
            auto to_contact = recipient(c, o.to_contact);
            if (!to_contact) {
                s.print_error(to_contact.error());
                return exit_code::usage;
            }
            auto message = brief_email(s, ws, b, **to_contact);
            if (!message) {
                s.print_error(terminal_safe(message.error()));
                return exit_code::usage;
            }
            text = *message;
        }
    }
    if (o.send) {
        if (int sent = send_mail(s, ws.config.digest.sendmail, text, "the brief was not sent"))
            return sent;
    } else {
        s.print(text);
    }
    if (!o.log) return data;

    // What was logged goes to stderr: stdout holds the brief alone.
    Environment quiet = s.env;
    quiet.out = s.env.err;
    Session logging{quiet, s.globals, s.as_of, s.err_paint, s.err_paint};
    NewInteraction n{s.as_of, InteractionKind::report, brief_log_summary(window), {}, {}, {}, {},
                     {}};
    int logged = perform_write(logging, WriteOptions{},
                               [&](const LoadResult& l) { return plan_log(l, c.id, n); });
    return logged != 0 ? logged : data;
}

}  // namespace

Runner setup_brief(CLI::App& app) {
    auto o = std::make_shared<BriefOptions>();
    auto* cmd = app.add_subcommand("brief", "The status report to send a client");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("--from", o->from,
                    "First day (default: the day after the last report, else since, else 30 "
                    "days ago)");
    cmd->add_option("--to", o->to, "Last day (default: today)");
    cmd->add_option("--format", o->format,
                    "markdown (default), html, text, or email (a whole message)")
        ->check(CLI::IsMember({"markdown", "html", "text", "email"}));
    cmd->add_option("--to-contact", o->to_contact,
                    "Mail this contact (by name) instead of the primary one");
    cmd->add_flag("--send", o->send, "Mail it through digest.sendmail (sendmail -t -i)");
    cmd->add_flag("--log", o->log,
                  "Also log a 'report' interaction dated today, so the report rule restarts");
    cmd->footer(
        "Examples:\n"
        "  acct brief acme > brief.md\n"
        "  acct brief acme --format html > brief.html\n"
        "  acct brief acme --send --log          # mail it to the primary contact");
    return [o](Session& s) { return run_brief(s, *o); };
}

}  // namespace acctool::cli
