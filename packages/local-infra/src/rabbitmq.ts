/** The management API and UI of the RabbitMQ that scripts/provision/rabbitmq.sh starts. */
export const rabbitmqManagement = {
  url: 'http://localhost:15672/',
  /** Its account (guest/guest, which RabbitMQ lets in from this machine only). */
  authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}`,
};
