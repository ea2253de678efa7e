// A live session, the page's side: the session's engine (Yjs, Hocuspocus' client, the room's
// map as nodes) runs in a Web Worker (js/live-worker.js), so that nothing a room sends can
// stop the page; this module passes the app's calls to it and its news back.
//
// Loaded only when a live session starts (scripts/live-bundle.mjs bundles it with the QR code
// generator into the build's live/live.js): someone who never joins one never downloads it.
import qrcode from "qrcode-generator";

/**
 * Joins a room: `options` as the worker's `join` takes them (js/live-worker.js), with the
 * callbacks `onMap()` (the room's map changed: read what changed with `changes`, or the whole
 * map with `read`), `onPeople(json)` (who is there), `onStatus(status)` ("connecting",
 * "connected", "disconnected", "watching": the server made this a view-only connection, or
 * "refused:" and the server's reason: "closed", "wrong-key", "no-room", "no-key",
 * "too-many-rooms", "too-large"), `onControl(json)` (how the facilitator runs the session,
 * with `me`: this browser facilitates, and `refused`: someone else changed it, and it was put
 * back), `onWhole()` (send the whole map: a change could not be written as it was),
 * `onLarge(bytes)` (a large update is on its way, being taken in), `onStray(count)` (nodes in
 * no place of the map were taken out of the room), `onPutBack(count)` (nodes written as the
 * app never writes them were put back as they were) and `onMapPutBack(count)` (the map's own
 * node was deleted, and it was put back with what went with it). Resolves to the session's
 * handle.
 */
export function join({ onMap, onPeople, onStatus, onControl, onWhole, onLarge, onStray, onPutBack, onMapPutBack, ...options }) {
  let worker;
  try {
    worker = new Worker(new URL("live-worker.js", import.meta.url), { type: "module" });
  } catch (e) {
    return Promise.reject(e);
  }
  const post = (type, fields) => worker.postMessage({ type, ...fields });
  // Once left, nothing more is told: the app has let go of what it was told through (a timer
  // or a closing socket may still fire).
  let left = false;
  let client = null;
  // Changes of this browser's map sent to the room, and mendings: a read of the room made
  // before the latest of them would undo it (or hand back what was refused), and is not handed
  // to the app.
  let sent = 0;
  // The latest read of the room the worker offered, and the one last handed to the app.
  let offer = null;
  let handed = null;
  // A read has been asked for, and whether whole: the app could not take in what changed, or
  // it mended the room and must read what the room now holds.
  let asked = false;
  let whole = false;
  const hide = () => post("pagehide");
  addEventListener("pagehide", hide);
  const handle = {
    /** What changed in this browser's map (a patch, as JSON) goes to the room. */
    change(json) {
      sent++;
      post("change", { json });
      return true;
    },
    /** What changed in the room's map since this browser took it in, as a patch (JSON); null
     *  where there is none to hand (the room's map must be read whole, or is being read). */
    changes() {
      if (offer?.kind !== "changes" || offer.written !== sent) return null;
      [handed, offer] = [offer, null];
      // Not taken in, it is read whole next.
      whole = true;
      return handed.json;
    },
    /** The room's whole map, as JSON (false: its texts hold more than a map can); null while
     *  it is being read: `onMap` says when it is there. */
    read() {
      if (offer?.kind === "whole" && offer.written === sent) {
        [handed, offer] = [offer, null];
        return handed.json;
      }
      if (!asked) {
        asked = true;
        post("read", { whole });
      }
      whole = false;
      return null;
    },
    /** The nodes (ids, as JSON) that made the room's map last handed unreadable (`read` said
     *  false): where a text longer than any the app writes was written. */
    named() {
      return handed?.named ?? "[]";
    },
    /** What the nodes are (the lists they are in, as JSON) that someone other than the
     *  facilitator changed in the room's map last handed. */
    touched() {
      return handed?.touched ?? "[]";
    },
    /** This browser took in the room's map as last handed. */
    accept() {
      if (handed) post("accept", { offer: handed.offer });
      whole = false;
    },
    /** Names the nodes (ids, as JSON) of what came that were refused on their own: the next
     *  mending takes out what their writers added. */
    culprits(json) {
      post("culprits", { json });
    },
    /** Writes this browser's map (a patch of every node, as JSON) over the room's, after
     *  refusing what came: what it has wins, what only the room has stays. */
    restore(json) {
      sent++;
      post("restore", { json });
      whole = true;
    },
    /** Writes back only the nodes last named by `culprits` that this browser's map (a patch
     *  of every node, as JSON) has, and takes out the others with what their writers added;
     *  what changed in the room is read next. */
    repair(json) {
      sent++;
      post("repair", { json });
      whole = false;
    },
    /** As `restore`, and takes out what the most suspect writer added that this browser's map
     *  does not hold: the mending when what only the room has is itself what was refused (a
     *  hundred thousand cards). */
    cut(json) {
      sent++;
      post("cut", { json });
      whole = true;
    },
    /** Sets how the session is run (JSON: `locked`, `follow`, `timer`, `ended`); only the
     *  facilitator's browser does. */
    control(json) {
      post("control", { json });
    },
    /** Closes the room for good (the one who started it only: the server checks the owner
     *  key). */
    close() {
      post("close");
    },
    /** Gives the room new keys (JSON: `key`, `view`). */
    renew(json) {
      post("renew", { json });
    },
    /** Which card this person has open (an id, or null). */
    focus(card) {
      post("focus", { card });
    },
    leave() {
      left = true;
      removeEventListener("pagehide", hide);
      post("leave");
      // A worker still taking in a flood would say goodbye only after it.
      setTimeout(() => worker.terminate(), 1000);
    },
    /** This browser's client id in the room's document. */
    client() {
      return client;
    },
  };
  return new Promise((resolve, reject) => {
    worker.onerror = (e) => {
      if (client === null) reject(e);
      else if (!left) onStatus("disconnected");
    };
    // The worker's news, by its type.
    const news = {
      joined(data) {
        client = data.client;
        resolve(handle);
      },
      map(data) {
        offer = data;
        asked = false;
        onMap();
      },
      control(data) {
        client = data.client;
        onControl(data.json);
      },
      people: (data) => onPeople(data.json),
      status: (data) => onStatus(data.status),
      whole: () => onWhole(),
      large: (data) => onLarge(data.bytes),
      stray: (data) => onStray(data.count),
      putBack: (data) => (data.deleted ? onMapPutBack : onPutBack)(data.count),
    };
    worker.onmessage = ({ data }) => {
      if (!left && Object.hasOwn(news, data.type)) news[data.type](data);
    };
    post("join", options);
  });
}

/** A QR code of `text` as an image's address (data: URL). */
export function qr(text) {
  const code = qrcode(0, "M");
  code.addData(text);
  code.make();
  return code.createDataURL(8, 16);
}
