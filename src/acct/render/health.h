#pragma once
// SPEC 6 health for people (text) and programs (JSON).
#include <string>
#include <vector>

#include "acct/health/score.h"
#include "acct/render/json.h"

namespace acctool {

// {"as_of", "clients": [...]} exactly as SPEC 6 writes it.
Json health_json(const std::vector<ClientHealth>& clients, Date as_of);
// One client's object of that list.
Json client_health_json(const ClientHealth& h);
// Clients in the given order: score, band, the override, each signal with
// its points and the file:line of its items. Data is made terminal-safe.
std::string health_text(const std::vector<ClientHealth>& clients);
// "silence −15: touch-base 2026-10-15 (acme/client.yaml:4)", data left as it is.
std::string signal_line(const SignalHit& s);

}  // namespace acctool
