import { nominativeCandidates, declineName } from './src/names/case-forms.ts';
import { detectCyrillicLanguage } from './src/names/script.ts';
import { firstNameGroupKeys } from './src/names/first-names.ts';
console.log(detectCyrillicLanguage('Анну Тестову'), detectCyrillicLanguage('Алеся Беляцкого'));
console.log(nominativeCandidates('Анну', {kind:'first'}), nominativeCandidates('Тестову', {kind:'surname'}), nominativeCandidates('Беляцкого', {kind:'surname'}),nominativeCandidates('Марии', {kind:'first'}));
console.log(declineName('Анна Тестова', {language:'ru', gender:'f'}));
console.log(firstNameGroupKeys('Анна'), firstNameGroupKeys('Анн'), firstNameGroupKeys('Алесь'), firstNameGroupKeys('Мария'));
