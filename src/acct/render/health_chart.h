#pragma once
// Health as pictures for the HTML pages: the clients per band (report) and
// one client's score out of 100 (the digest's At risk). Built on render/svg.
#include <string>
#include <string_view>
#include <vector>

#include "acct/health/score.h"

namespace acctool {

// "#2e7d32", "#f9a825", "#c62828": green, yellow, red.
std::string band_colour(HealthBand band);

// One bar split into green, yellow and red by the band in force of each
// client; "" when there is none.
std::string svg_health_bands(std::string_view title, const std::vector<ClientHealth>& health);

// The computed score as a bar out of 100 in its computed band's colour.
std::string svg_health_score(const ClientHealth& h);

}  // namespace acctool
