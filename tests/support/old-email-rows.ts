/**
 * An email row as every version before the search keys (v7) stored it, delivered and sent: the
 * upgrade tests open a database an older version left, and add what each version added.
 */
export function oldEmailRow(id: string, fields: { name: string; subject: string; engagement?: object }) {
  return {
    id,
    status: 'delivered',
    subject: fields.subject,
    to: [{ address: `${id}@northwind.example`, name: fields.name }],
    personIds: [],
    bulk: false,
    tracking: true,
    createdAt: 1_000,
    sentAt: 2_000,
    statusAt: 2_000,
    folderDate: 2_000,
    statusHistory: [],
    engagement: { views: 0, clicks: 0, replied: false, machineViews: 0, machineClicks: 0, ...fields.engagement },
  };
}
