#pragma once
// `acct workload`: how much of a person account management takes, per owner.
// Expected minutes a month per active client: touches (from the cadence) ×
// the client's average logged duration over the last 180 days (else
// touch_time), reports × their average (else touch_time), invoices × the
// invoice time; against the minutes actually logged over the last 90 days
// and fte_hours. Every factor is kept so the arithmetic can be shown. Pure.
#include <optional>
#include <string>
#include <vector>

#include "acct/model/records.h"

namespace acctool {

struct ClientLoad {
    const Client* client = nullptr;
    double touches = 0;           // per month
    double touch_minutes = 0;     // each
    bool touch_measured = false;  // from logged durations, not touch_time
    double reports = 0;
    double report_minutes = 0;
    bool report_measured = false;
    double invoices = 0;
    double invoice_minutes = 0;
    double requests = 0;  // per month: those dated in the last 90 days ÷ 3
    double request_minutes = 0;
    double changes = 0;  // likewise
    double change_minutes = 0;
    long logged_90 = 0;  // minutes logged in the last 90 days

    double expected() const {
        return touches * touch_minutes + reports * report_minutes + invoices * invoice_minutes +
               requests * request_minutes + changes * change_minutes;
    }
};

struct OwnerLoad {
    std::string owner;  // "(no owner)" for clients without one
    bool named = true;  // false for clients without an owner
    std::vector<ClientLoad> clients;
    double expected_minutes = 0;  // per month
    double logged_per_month = 0;  // minutes, from the last 90 days
    double fte = 0;               // expected hours / fte_hours
    std::string verdict;
};

struct Workload {
    double fte_hours = 160;
    std::vector<OwnerLoad> owners;  // by name
    OwnerLoad total;
};

// Months in a period: 1mo = 1, 1q = 3, 1y = 12, days and weeks at 30.4375
// days (a Gregorian year / 12) a month.
double months_in(Period p);
// The verdict on an FTE as JSON writes it (English), and in words for
// people in the current language.
std::string verdict_for(double fte);
std::string verdict_words(double fte);

Workload build_workload(const Workspace& ws, Date as_of, const std::optional<std::string>& owner);

}  // namespace acctool
