import { pickLanguage, t } from '../../src/i18n/index';
import { DEFAULT_GRID_INTENSITY, gridIntensityForCountry, gridIntensityRegions } from '../../src/core/co2';
import { readSettings, writeSettings } from '../../src/extension/settings';
import type { GridChoice } from '../../src/ui/options-app';
import '../../src/ui/options-app';

// Thin wiring: the settings live in src/extension/settings.ts, the view in src/ui/options-app.ts.
const lang = pickLanguage(navigator.languages);
document.documentElement.lang = lang;
document.title = t(lang, 'options.title');

const app = document.querySelector('empreinte-options') ?? document.body.appendChild(document.createElement('empreinte-options'));
app.language = lang;

/** SWD v4's world average first, France next, then every region @tgwf/co2 has data for. */
function gridChoices(): GridChoice[] {
  const regions = gridIntensityRegions()
    // SWD v4's own global figure stands for the world; the data's WORLD row would duplicate it.
    .filter((code) => code !== 'WORLD')
    .sort((a, b) => (a === 'FRA' ? -1 : b === 'FRA' ? 1 : a.localeCompare(b)));
  return [
    { code: DEFAULT_GRID_INTENSITY.region, gramsPerKwh: DEFAULT_GRID_INTENSITY.gramsPerKwh },
    ...regions.flatMap((code) => {
      const intensity = gridIntensityForCountry(code);
      return intensity ? [{ code, gramsPerKwh: intensity.gramsPerKwh }] : [];
    }),
  ];
}

async function start(): Promise<void> {
  app.choices = gridChoices();
  app.value = await readSettings();
  document.body.dataset.state = 'ready';
  app.addEventListener('empreinte-options-change', (event) => {
    void writeSettings(event.detail).then((saved) => {
      app.value = saved;
      app.status = t(lang, 'options.saved');
    });
  });
}

void start();
