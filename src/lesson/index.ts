// The Week 10 lesson as plain typed data: what the sidebar, concept checks and class timer show.
export * from './course';
export * from './conceptChecks';
export * from './demos';
export * from './hintCodes';
export * from './labTasks';
export * from './misconception';
export * from './objectives';
export * from './pitfalls';
export * from './schedule';
export * from './readings';
export * from './takeaways';
export * from './trainingPitfalls';
export * from './timerPosition';
