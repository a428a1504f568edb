import { findPersonMentions } from './src/ingest/people.ts';
const s = 'Belarus released 123 prisoners on Saturday, including Nobel Peace Prize laureate Ales Bialiatski and opposition figure Maria Kalesnikava, after two days of talks.';
let t=performance.now(); for (let i=0;i<100;i++) findPersonMentions(s,'en'); console.log('latin x100', performance.now()-t);
const r = 'Власти Белоруссии в субботу освободили 123 заключённых, в том числе нобелевского лауреата Алеся Беляцкого и Марию Колесникову.';
t=performance.now(); for (let i=0;i<100;i++) findPersonMentions(r,'ru'); console.log('cyr x100', performance.now()-t);
