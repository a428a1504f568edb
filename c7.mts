import { nominativeCandidates } from './src/names/case-forms.ts';
let t=performance.now(); for (let i=0;i<100;i++) nominativeCandidates('Беляцкого', {kind:'surname'}); console.log('nom x100', performance.now()-t);
import { firstNameGroupKeys } from './src/names/first-names.ts';
t=performance.now(); for (let i=0;i<100;i++) firstNameGroupKeys('Алесь'); console.log('fn x100', performance.now()-t);
import { detectCyrillicLanguage } from './src/names/script.ts';
t=performance.now(); for (let i=0;i<100;i++) detectCyrillicLanguage('Алесь Беляцкий'); console.log('det x100', performance.now()-t);
