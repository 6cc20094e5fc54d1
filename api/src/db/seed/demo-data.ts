/**
 * Demo data modelled on the Bürgercentrum of a city in Baden-Württemberg: two offices that take
 * appointments, a third (vehicle registration) that exists but is not yet open for booking.
 * Known passwords and device tokens: for demonstrations only, never seeded unless SEED=demo.
 */
import type { CatalogTranslation } from '../../modules/catalog/catalog-texts.js';
import { Role } from '../../shared/role.js';

type Hours = { weekday: number; opensAt: string; closesAt: string }[];

/** Mon, Tue, Wed, Fri mornings, Mon/Tue afternoons, and a long Thursday. */
const cityHallHours: Hours = [
  { weekday: 1, opensAt: '07:30', closesAt: '12:30' },
  { weekday: 1, opensAt: '13:30', closesAt: '15:30' },
  { weekday: 2, opensAt: '07:30', closesAt: '12:30' },
  { weekday: 2, opensAt: '13:30', closesAt: '15:30' },
  { weekday: 3, opensAt: '07:30', closesAt: '12:30' },
  { weekday: 4, opensAt: '07:30', closesAt: '18:00' },
  { weekday: 5, opensAt: '07:30', closesAt: '12:30' },
];

export const demoDocuments = {
  idCard: {
    name: 'Bisheriger Personalausweis oder Reisepass',
    description: 'Auch abgelaufen; bei Verlust die Verlustanzeige.',
  },
  photo: {
    name: 'Biometrisches Passfoto',
    description:
      'Nicht nötig, wenn Sie Foto, Unterschrift und Fingerabdrücke vorher am Selbstbedienungsterminal erfassen.',
    translations: [
      {
        language: 'en',
        name: 'Biometric passport photo',
        description: 'Not needed if you record photo, signature and fingerprints at the self-service terminal first.',
      },
      {
        language: 'de-x-ls',
        name: 'Ein Foto für den Ausweis',
        description: 'Das Foto können Sie auch hier im Haus am Foto-Automaten machen.',
      },
    ],
  },
  birthCertificate: { name: 'Geburtsurkunde', description: 'Bei Kindern und bei Erstausstellung.' },
  custodyConsent: {
    name: 'Zustimmung der Sorgeberechtigten',
    description: 'Schriftliche Zustimmung des nicht anwesenden Elternteils mit Kopie seines Ausweises.',
    uploadable: true,
  },
  landlordConfirmation: {
    name: 'Wohnungsgeberbescheinigung',
    description: 'Bestätigung des Vermieters über den Einzug (§ 19 BMG).',
    uploadable: true,
  },
  eyeTest: { name: 'Sehtestbescheinigung', description: 'Nicht älter als zwei Jahre.', uploadable: true },
  firstAid: { name: 'Nachweis Erste-Hilfe-Kurs', description: 'Teilnahmebescheinigung.', uploadable: true },
  oldLicence: { name: 'Bisheriger Führerschein', description: 'Bei Umtausch.' },
  naturalisationForm: {
    name: 'Antrag auf Einbürgerung',
    description: 'Ausgefüllt und unterschrieben.',
    uploadable: true,
  },
  languageCertificate: {
    name: 'Sprachzertifikat (mindestens B1)',
    description: 'Deutsch-Test für Zuwanderer oder vergleichbar.',
    uploadable: true,
  },
  citizenshipTest: {
    name: 'Nachweis Einbürgerungstest',
    description: 'Bescheinigung über den bestandenen Test.',
    uploadable: true,
  },
  residencePermit: { name: 'Aufenthaltstitel', description: 'Original.' },
  incomeProof: { name: 'Einkommensnachweise', description: 'Der letzten sechs Monate.', uploadable: true },
} as const;

type DocKey = keyof typeof demoDocuments;
type DemoService = {
  key: string;
  name: string;
  description: string;
  /** Some services and documents have English and Leichte Sprache texts; the others show how German stands in. */
  translations?: CatalogTranslation[];
  durationMinutes: number;
  leikaKey?: string;
  bookableOnline?: boolean;
  walkInAllowed?: boolean;
  maxPerBooking?: number;
  documents: { doc: DocKey; mandatory: boolean }[];
};

export type DemoOffice = {
  slug: string;
  name: string;
  enabled: boolean;
  street: string;
  postalCode: string;
  city: string;
  /** Fictional: numbers from the Bundesnetzagentur's range for films and books (030 23125 xxx), the .example domain. */
  phone: string | null;
  email: string | null;
  hours: Hours;
  services: DemoService[];
  counters: { label: string; services: string[] }[];
};

const buergercentrumServices: DemoService[] = [
  {
    key: 'id-card',
    name: 'Personalausweis beantragen',
    description: 'Neuer Personalausweis, auch mit Online-Ausweisfunktion.',
    translations: [
      {
        language: 'en',
        name: 'Apply for an identity card',
        description: 'New identity card, also with the eID function.',
      },
      {
        language: 'de-x-ls',
        name: 'Einen neuen Ausweis beantragen',
        description:
          'Sie brauchen einen neuen Personal-Ausweis. Mit dem Ausweis können Sie auch im Internet zeigen, wer Sie sind.',
      },
    ],
    durationMinutes: 15,
    leikaKey: '99102013000000',
    maxPerBooking: 5,
    documents: [
      { doc: 'idCard', mandatory: true },
      { doc: 'photo', mandatory: true },
      { doc: 'birthCertificate', mandatory: false },
    ],
  },
  {
    key: 'passport',
    name: 'Reisepass beantragen',
    description: 'Reisepass für Erwachsene (32 oder 48 Seiten).',
    translations: [
      { language: 'en', name: 'Apply for a passport', description: 'Passport for adults (32 or 48 pages).' },
    ],
    durationMinutes: 15,
    leikaKey: '99102014000000',
    maxPerBooking: 5,
    documents: [
      { doc: 'idCard', mandatory: true },
      { doc: 'photo', mandatory: true },
    ],
  },
  {
    key: 'child-passport',
    name: 'Kinderreisepass beantragen',
    description: 'Für Kinder unter 12 Jahren; das Kind muss anwesend sein.',
    durationMinutes: 10,
    maxPerBooking: 5,
    documents: [
      { doc: 'birthCertificate', mandatory: true },
      { doc: 'photo', mandatory: true },
      { doc: 'custodyConsent', mandatory: false },
    ],
  },
  {
    key: 'registration',
    name: 'Anmeldung / Ummeldung Wohnsitz',
    description: 'Innerhalb von zwei Wochen nach dem Einzug.',
    durationMinutes: 10,
    leikaKey: '99115001000000',
    maxPerBooking: 6,
    documents: [
      { doc: 'idCard', mandatory: true },
      { doc: 'landlordConfirmation', mandatory: true },
    ],
  },
  {
    key: 'registration-certificate',
    name: 'Meldebescheinigung',
    description: 'Bescheinigung über Ihre gemeldete Wohnung.',
    durationMinutes: 5,
    documents: [{ doc: 'idCard', mandatory: true }],
  },
  {
    key: 'certificate-of-conduct',
    name: 'Führungszeugnis beantragen',
    description: 'Privat- oder Behördenführungszeugnis.',
    durationMinutes: 5,
    documents: [{ doc: 'idCard', mandatory: true }],
  },
  {
    key: 'driving-licence',
    name: 'Führerschein beantragen / umtauschen',
    description: 'Ersterteilung, Erweiterung oder Umtausch in den EU-Kartenführerschein.',
    durationMinutes: 15,
    documents: [
      { doc: 'idCard', mandatory: true },
      { doc: 'photo', mandatory: true },
      { doc: 'eyeTest', mandatory: false },
      { doc: 'firstAid', mandatory: false },
      { doc: 'oldLicence', mandatory: false },
    ],
  },
  {
    key: 'document-pickup',
    name: 'Abholung Ausweisdokument',
    description: 'Fertigen Ausweis oder Pass abholen; ohne Termin.',
    durationMinutes: 5,
    bookableOnline: false,
    documents: [{ doc: 'idCard', mandatory: true }],
  },
];

const identityServices = ['id-card', 'passport', 'child-passport', 'document-pickup'];
const registrationServices = ['registration', 'registration-certificate', 'certificate-of-conduct'];

export const demoOffices: DemoOffice[] = [
  {
    slug: 'buergercentrum',
    name: 'Bürgercentrum',
    enabled: true,
    street: 'Marktplatz 1',
    postalCode: '75175',
    city: 'Pforzheim',
    phone: '030 23125 100',
    email: 'buergercentrum@pforzheim.example',
    hours: cityHallHours,
    services: buergercentrumServices,
    counters: [
      ...['1', '2', '3', '4', '5', '6'].map((label) => ({
        label,
        services: [...identityServices, ...registrationServices],
      })),
      ...['7', '8'].map((label) => ({
        label,
        services: [...identityServices, ...registrationServices, 'driving-licence'],
      })),
    ],
  },
  {
    slug: 'staatsangehoerigkeit',
    name: 'Staatsangehörigkeitswesen',
    enabled: true,
    street: 'Östliche Karl-Friedrich-Straße 2',
    postalCode: '75175',
    city: 'Pforzheim',
    phone: '030 23125 200',
    email: 'einbuergerung@pforzheim.example',
    hours: cityHallHours.filter((h) => h.weekday !== 3),
    services: [
      {
        key: 'naturalisation',
        name: 'Einbürgerungsantrag stellen',
        description: 'Abgabe und Besprechung des vollständigen Antrags.',
        durationMinutes: 45,
        walkInAllowed: false,
        documents: [
          { doc: 'naturalisationForm', mandatory: true },
          { doc: 'languageCertificate', mandatory: true },
          { doc: 'citizenshipTest', mandatory: true },
          { doc: 'residencePermit', mandatory: true },
          { doc: 'incomeProof', mandatory: true },
        ],
      },
      {
        key: 'citizenship-advice',
        name: 'Beratung Staatsangehörigkeit',
        description: 'Fragen zu Einbürgerung, Mehrstaatigkeit und Feststellung der Staatsangehörigkeit.',
        durationMinutes: 30,
        documents: [{ doc: 'residencePermit', mandatory: false }],
      },
    ],
    counters: [
      { label: 'S1', services: ['naturalisation', 'citizenship-advice'] },
      { label: 'S2', services: ['naturalisation', 'citizenship-advice'] },
    ],
  },
  {
    slug: 'zulassungsstelle',
    name: 'Zulassungsstelle',
    enabled: false,
    street: 'Bahnhofplatz 4',
    postalCode: '75175',
    city: 'Pforzheim',
    phone: null,
    email: null,
    hours: cityHallHours,
    services: [
      {
        key: 'vehicle-registration',
        name: 'Fahrzeug zulassen',
        description: 'Neu- oder Umschreibung.',
        durationMinutes: 20,
        documents: [{ doc: 'idCard', mandatory: true }],
      },
    ],
    counters: [{ label: 'Z1', services: ['vehicle-registration'] }],
  },
];

export type DemoLogin = { username: string; password: string; displayName: string; roles: Role[]; offices: string[] };

export const demoLogins: DemoLogin[] = [
  { username: 'admin', password: 'Demo-Admin-2026', displayName: 'Alex Admin', roles: [Role.ADMIN], offices: [] },
  {
    username: 'leitung',
    password: 'Demo-Leitung-2026',
    displayName: 'Lea Leitung',
    roles: [Role.OFFICE_MANAGER],
    offices: ['buergercentrum', 'staatsangehoerigkeit'],
  },
  {
    username: 'schalter',
    password: 'Demo-Schalter-2026',
    displayName: 'Sam Schalter',
    roles: [Role.CLERK],
    offices: ['buergercentrum'],
  },
  {
    username: 'info',
    password: 'Demo-Info-2026',
    displayName: 'Ina Information',
    roles: [Role.INFO_DESK],
    offices: ['buergercentrum'],
  },
];

export const demoDevices = [
  { office: 'buergercentrum', kind: Role.KIOSK, name: 'Terminal Wartezone', token: 'bcd_demo-kiosk-buergercentrum' },
  {
    office: 'buergercentrum',
    kind: Role.DISPLAY,
    name: 'Aufrufanzeige Wartezone',
    token: 'bcd_demo-display-buergercentrum',
  },
  {
    office: 'buergercentrum',
    kind: Role.PHOTO_TERMINAL,
    name: 'Fototerminal Wartezone',
    token: 'bcd_demo-photo-terminal-buergercentrum',
  },
] as const;
