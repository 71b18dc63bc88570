// Package alert turns saved searches into notifications. A reviewer saves a
// search (text and filters, as in the queue), shares it with the team and
// subscribes to it; every batch the pipeline stores is matched against all
// saved searches with the store's own search semantics (each search
// restricted to the batch's IDs), and each new match is delivered once per
// subscription: as an in-app notification, a signed webhook, an e-mail, or
// an entry in a daily or weekly digest.
//
// The package keeps its state (searches, the "already alerted" set,
// notifications, webhook outbox and dead letters, digest queues) in a KV:
// a bbolt file beside the embedded store, or indices of the Elasticsearch
// store, so several processes sharing a cluster alert once between them.
package alert
