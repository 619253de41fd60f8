#include "acct/render/health_chart.h"

#include "acct/lang/translate.h"
#include "acct/render/svg.h"

namespace acctool {

std::string band_colour(HealthBand band) {
    switch (band) {
        case HealthBand::green:
            return "#2e7d32";
        case HealthBand::yellow:
            return "#f9a825";
        case HealthBand::red:
            break;
    }
    return "#c62828";
}

std::string svg_health_bands(std::string_view title, const std::vector<ClientHealth>& health) {
    if (health.empty()) return "";
    std::vector<Band> bands;
    for (auto b : {HealthBand::green, HealthBand::yellow, HealthBand::red})
        bands.push_back({std::string(to_string(b)), 0, band_colour(b)});
    for (const auto& h : health)
        ++bands[static_cast<std::size_t>(h.band)].count;
    return svg_band_bar(title, bands);
}

std::string svg_health_score(const ClientHealth& h) {
    return svg_score_bar(trf("Health score {} of 100", h.score), h.score,
                         band_colour(h.computed_band));
}

}  // namespace acctool
