import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Loader, useDocumentTitle } from '../../components/lite/ui';
import { queueApi } from './api';
import classes from './queue.module.css';

interface CallEvent {
  number: number;
  counter: number;
  calls: number;
  at: number;
}

/** A short two-tone chime (Web Audio), then the spoken call in Vietnamese where the browser has a voice. */
function announce(text: string) {
  try {
    const Ctx =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (Ctx) {
      const audio = new Ctx();
      [880, 660].forEach((freq, i) => {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.25, audio.currentTime + i * 0.35);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.35 + 0.3);
        osc.connect(gain).connect(audio.destination);
        osc.start(audio.currentTime + i * 0.35);
        osc.stop(audio.currentTime + i * 0.35 + 0.32);
      });
      setTimeout(() => void audio.close(), 1500);
    }
  } catch {
    // No sound device: the board still shows the call.
  }
  const speech = window.speechSynthesis;
  if (!speech || typeof SpeechSynthesisUtterance === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'vi-VN';
  const voice = speech.getVoices().find((v) => v.lang.toLowerCase().startsWith('vi'));
  if (voice) utterance.voice = voice;
  utterance.rate = 0.9;
  setTimeout(() => speech.speak(utterance), 800);
}

/**
 * The hall's TV (màn hình gọi số): the number each counter calls in large type, the latest calls and
 * how many wait. Calls arrive by Server-Sent Events; each is shown at once, with a chime and the
 * spoken "Mời số 12 đến quầy 3" once sound is turned on (browsers allow sound after a touch or click).
 */
export function BoardPage() {
  const { t } = useTranslation('queue');
  const { unit = '' } = useParams();
  const client = useQueryClient();
  const [sound, setSound] = useState(false);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  const [fresh, setFresh] = useState<number | null>(null);
  const board = useQuery({
    queryKey: ['queue', 'board', unit],
    queryFn: ({ signal }) => queueApi.board(unit, signal),
    refetchInterval: 60_000,
  });
  useDocumentTitle(t('boardTitle'));

  useEffect(() => {
    const source = new EventSource(`/api/v1/queue/board/stream?unit=${encodeURIComponent(unit)}`);
    // (Re)connected: calls made meanwhile were missed, read the board again.
    source.addEventListener(
      'ready',
      () => void client.invalidateQueries({ queryKey: ['queue', 'board', unit] }),
    );
    source.addEventListener(
      'change',
      () => void client.invalidateQueries({ queryKey: ['queue', 'board', unit] }),
    );
    source.addEventListener('call', (message) => {
      const e = JSON.parse((message as MessageEvent<string>).data) as CallEvent;
      setFresh(e.number);
      void client.invalidateQueries({ queryKey: ['queue', 'board', unit] });
      // "Mời số 12 đến quầy 3" (domain/queue/ticket.ts callAnnouncement).
      if (soundRef.current) announce(`Mời số ${e.number} đến quầy ${e.counter}`);
    });
    return () => source.close();
  }, [unit, client]);

  if (board.isPending) return <Loader label={t('boardTitle')} />;
  if (board.isError) return <PublicProblem error={board.error} testId="board-error" />;
  const b = board.data;
  return (
    <main className={`${classes.screen} ${classes.board}`} data-testid="board-page">
      <header className={classes.header}>
        <h1 className={classes.title}>{t('boardTitle')}</h1>
        <p className={classes.unit}>
          {b.unit.name} · <span data-testid="board-waiting">{t('waiting', { count: b.waiting })}</span>
        </p>
        <button
          type="button"
          className={classes.soundButton}
          aria-pressed={sound}
          onClick={() => {
            setSound(true);
            announce('');
          }}
          data-testid="board-sound"
        >
          {sound ? t('soundIsOn') : t('soundOn')}
        </button>
      </header>
      {b.current.length === 0 ? (
        <p className={classes.lead}>{t('noCalls')}</p>
      ) : (
        <ul className={classes.calls} aria-live="polite" data-testid="board-current">
          {b.current.map((c) => (
            <li
              key={c.counter}
              className={classes.call}
              data-fresh={fresh === c.number ? '' : undefined}
              data-testid={`board-call-${c.number}`}
            >
              <span>{t('number')}</span>
              <span className={classes.callNumber}>{c.number}</span>
              <span className={classes.callCounter}>{c.counterName}</span>
            </li>
          ))}
        </ul>
      )}
      {b.recent.length > 0 ? (
        <section className={classes.recent} aria-label={t('recent')}>
          <h2 className={classes.unit}>{t('recent')}</h2>
          <ol data-testid="board-recent">
            {b.recent.map((c) => (
              <li key={`${c.number}-${c.calledAt}`}>
                {c.number} → {t('counter')} {c.counter}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </main>
  );
}
