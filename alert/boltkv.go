package alert

import (
	"bytes"
	"context"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/netra-id/netra"
)

// BoltFile is the name of the alert state beside the embedded store.
const BoltFile = "alerts.db"

// BoltKV is a KV in one bbolt file, a bucket per collection: the embedded
// store's alert state.
type BoltKV struct{ db *bolt.DB }

// OpenBolt opens (creating when missing) the bbolt file at path.
func OpenBolt(path string) (*BoltKV, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("alert state %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, c := range Collections() {
			if _, err := tx.CreateBucketIfNotExists([]byte(c)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("alert state %s: %w", path, err)
	}
	return &BoltKV{db: db}, nil
}

// Close closes the file.
func (k *BoltKV) Close() error { return k.db.Close() }

// bucket is coll's bucket, created on the first write, so other packages
// (review's double reviews) may keep collections of their own here.
func bucket(tx *bolt.Tx, coll string) (*bolt.Bucket, error) {
	if tx.Writable() {
		return tx.CreateBucketIfNotExists([]byte(coll))
	}
	return tx.Bucket([]byte(coll)), nil // nil: nothing written yet
}

// Put implements KV.
func (k *BoltKV) Put(ctx context.Context, coll, key string, val []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return k.db.Update(func(tx *bolt.Tx) error {
		b, err := bucket(tx, coll)
		if err != nil {
			return err
		}
		return b.Put([]byte(key), val)
	})
}

// PutNew implements KV.
func (k *BoltKV) PutNew(ctx context.Context, coll, key string, val []byte) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	created := false
	err := k.db.Update(func(tx *bolt.Tx) error {
		b, err := bucket(tx, coll)
		if err != nil {
			return err
		}
		if b.Get([]byte(key)) != nil {
			return nil
		}
		created = true
		return b.Put([]byte(key), val)
	})
	return created, err
}

// Get implements KV.
func (k *BoltKV) Get(ctx context.Context, coll, key string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []byte
	err := k.db.View(func(tx *bolt.Tx) error {
		b, err := bucket(tx, coll)
		if err != nil {
			return err
		}
		if b == nil {
			return fmt.Errorf("%s %q: %w", coll, key, netra.ErrNotFound)
		}
		if v := b.Get([]byte(key)); v != nil {
			out = bytes.Clone(v)
			return nil
		}
		return fmt.Errorf("%s %q: %w", coll, key, netra.ErrNotFound)
	})
	return out, err
}

// Delete implements KV.
func (k *BoltKV) Delete(ctx context.Context, coll, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return k.db.Update(func(tx *bolt.Tx) error {
		b, err := bucket(tx, coll)
		if err != nil {
			return err
		}
		return b.Delete([]byte(key))
	})
}

// Scan implements KV. fn runs inside a read transaction, so it must not
// write to the KV.
func (k *BoltKV) Scan(ctx context.Context, coll, prefix string, fn func(key string, val []byte) error) error {
	return k.db.View(func(tx *bolt.Tx) error {
		b, err := bucket(tx, coll)
		if err != nil || b == nil {
			return err
		}
		c := b.Cursor()
		p := []byte(prefix)
		for key, v := c.Seek(p); key != nil && bytes.HasPrefix(key, p); key, v = c.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(string(key), bytes.Clone(v)); err != nil {
				return err
			}
		}
		return nil
	})
}
