// acct digest: the morning summary, for a person or for cron to mail.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/client_filters.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/mail.h"
#include "acct/cli/session.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/digest.h"
#include "acct/render/email.h"

namespace acctool::cli {

namespace {

struct DigestCommandOptions {
    std::optional<std::string> owner, to, from, subject;
    std::string format = "text";
    bool if_any = false;
    bool send = false;
};

int run_digest(Session& s, const DigestCommandOptions& o) {
    if (o.send && o.format != "text" && o.format != "email") {
        s.print_error("--send mails the digest as --format email; leave out --format");
        return exit_code::usage;
    }
    const std::string format = o.send ? "email" : o.format;
    // The mail headers mean nothing to a digest that is not a message.
    if (format != "email")
        for (auto [option, given] :
             {std::pair{"--to", o.to.has_value()}, std::pair{"--from", o.from.has_value()},
              std::pair{"--subject", o.subject.has_value()}})
            if (given) {
                s.print_error(
                    trf("{} applies to --format email or --send only, not {}", option, format));
                return exit_code::usage;
            }
    int status = 0;
    auto loaded = s.load_reported(status);
    if (!loaded) return status;
    const Workspace& ws = loaded->workspace;
    const DigestConfig& cfg = ws.config.digest;
    if (auto why = unmatched_filters(ws, o.owner, std::nullopt)) {
        s.print_error(*why);
        return exit_code::no_input;
    }

    Digest d =
        build_digest(ws, loaded->diagnostics, DigestOptions{s.as_of, ws.config.horizon, o.owner});
    const int data = data_status(*loaded);
    if (o.if_any && !d.pressing()) return data;

    if (format == "text") s.print(render_digest_text(d));
    if (format == "markdown") s.print(render_digest_markdown(d));
    if (format == "html") s.print(render_digest_html(d));
    if (format != "email") return data;

    MailMessage m;
    m.to = o.to.value_or(cfg.to);
    m.from = o.from.value_or(cfg.from.empty() ? "acct@" + s.env.hostname : cfg.from);
    m.subject = o.subject.value_or(cfg.subject.empty()
                                       ? trf("acct: {} overdue, {} today ({})", d.overdue.size(),
                                             d.today.size(), say_weekday_date(d.as_of))
                                       : cfg.subject);
    if (m.to.empty()) {
        s.print_error(tr("no recipient: give --to, or set digest.to in acct.yaml"));
        return exit_code::usage;
    }
    for (auto [option, value] : {std::pair{"--to", &m.to}, std::pair{"--from", &m.from},
                                 std::pair{"--subject", &m.subject}})
        if (auto ok = check_header_text(option, *value); !ok) {
            s.print_error(ok.error());
            return exit_code::usage;
        }
    m.date = s.env.now;
    m.utc_offset = s.env.utc_offset;
    m.message_id = new_message_id(s.env, m.from);
    m.text = render_digest_text(d);
    m.html = render_digest_html(d);
    auto message = compose_email(m, random_hex(24));
    if (!message) {
        s.print_error(terminal_safe(message.error()));
        return exit_code::usage;
    }
    if (!o.send) {
        s.print(*message);
        return data;
    }

    if (int sent = send_mail(s, cfg.sendmail, *message, "the digest was not sent")) return sent;
    return data;
}

}  // namespace

Runner setup_digest(CLI::App& app) {
    auto o = std::make_shared<DigestCommandOptions>();
    auto* cmd = app.add_subcommand("digest", "The morning summary, to read or to mail");
    cmd->add_option("--owner", o->owner, "Only clients looked after by this person");
    cmd->add_option("--format", o->format, "text, markdown, html, or email (a whole message)")
        ->check(CLI::IsMember({"text", "markdown", "html", "email"}));
    cmd->add_option("--to", o->to, "Recipients (default: digest.to in acct.yaml)");
    cmd->add_option("--from", o->from, "Sender (default: digest.from, else acct@HOST)");
    cmd->add_option("--subject", o->subject, "Subject (default: digest.subject, else the counts)");
    cmd->add_flag("--if-any", o->if_any, "Print nothing unless something is overdue or due today");
    cmd->add_flag("--send", o->send,
                  "Mail it: pipe the whole message to digest.sendmail (sendmail -t -i)");
    cmd->footer(
        "Examples:\n"
        "  acct digest\n"
        "  acct digest --owner anna --format markdown\n"
        "  acct digest --if-any --send --to anna@example.com     # from cron");
    return [o](Session& s) { return run_digest(s, *o); };
}

}  // namespace acctool::cli
