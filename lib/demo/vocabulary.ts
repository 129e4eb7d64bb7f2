// Invented names and companies for the demo mailbox (no real people).
export const FIRST_NAMES = [
  'Dana',
  'Marcus',
  'Priya',
  'Jonas',
  'Elena',
  'Tomás',
  'Aisha',
  'Kenji',
  'Sofia',
  'Liam',
  'Ingrid',
  'Mateo',
  'Chloé',
  'Ravi',
  'Hannah',
  'Oskar',
  'Mei',
  'Lucas',
  'Fatima',
  'Nils',
] as const;

export const LAST_NAMES = [
  'Whitfield',
  'Okafor',
  'Raman',
  'Becker',
  'Novak',
  'Alvarez',
  'Haddad',
  'Sato',
  'Rossi',
  'Byrne',
  'Lindqvist',
  'Costa',
  'Martin',
  'Iyer',
  'Schmidt',
  'Andersson',
  'Chen',
  'de Vries',
  'Nasser',
  'Holm',
] as const;

export const COMPANIES = [
  { name: 'Northwind Logistics', domain: 'northwind.example' },
  { name: 'Bluefin Analytics', domain: 'bluefin.example' },
  { name: 'Copperleaf Health', domain: 'copperleaf.example' },
  { name: 'Harbor & Pine', domain: 'harborpine.example' },
  { name: 'Lumen Robotics', domain: 'lumen.example' },
  { name: 'Tidewater Foods', domain: 'tidewater.example' },
  { name: 'Quarry Systems', domain: 'quarry.example' },
  { name: 'Sable Insurance', domain: 'sable.example' },
  { name: 'Orchard Retail Group', domain: 'orchard.example' },
  { name: 'Vantage Energy', domain: 'vantage.example' },
] as const;

export const CAMPAIGNS = [
  'Q4 renewal push',
  'Webinar follow-up: pipeline hygiene',
  'New logistics module launch',
  'Healthcare outbound — November',
  'Re-engage closed-lost 2025',
] as const;

export const SUBJECTS = [
  'Quick question about your Q1 planning',
  'Following up on our call',
  'Idea for {company}',
  'Pricing for the 50-seat plan',
  'Your trial ends on Friday',
  'Case study: how a team like yours cut reporting time in half',
  'Can we find 15 minutes next week?',
  'Recording of yesterday’s webinar',
  'Re: integration questions',
  'Proposal and next steps',
] as const;

export const TASK_TITLES = [
  'Call {name} about the proposal',
  'Send {name} the case study',
  'Connect with {name} on LinkedIn',
  'Check in with {name} after the trial',
  'Prepare pricing for {company}',
] as const;
